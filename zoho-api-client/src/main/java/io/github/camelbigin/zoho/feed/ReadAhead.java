package io.github.camelbigin.zoho.feed;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link KeysetReader} that goes on where its last read stopped, and — with an executor — reads the next batch while
 * the caller delivers this one. A read that stopped at its limit starts the next read at once on the executor, from
 * where it stopped; the next {@link #read} from that point takes it, and a read from anywhere else (an exchange
 * failed) cancels it after the page in flight. It costs no call that the next read would not make, unless that read
 * starts elsewhere: then the pages fetched ahead are wasted.
 */
final class ReadAhead {

    private static final Logger LOG = LoggerFactory.getLogger(ReadAhead.class);

    private final KeysetReader reader;
    /** Where the next read goes on from when it starts where the last one ended: only the caller's thread uses it. */
    private KeysetReader.Session session;
    private volatile Executor executor;
    private volatile Ahead ahead;

    ReadAhead(KeysetReader reader) {
        this.reader = reader;
    }

    /** A read that went ahead: from where, with what limit, and its result. */
    private static final class Ahead {
        final Watermark from;
        final int max;
        final AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<Changes> result;

        Ahead(Watermark from, int max) {
            this.from = from;
            this.max = max;
        }
    }

    /** Lets reads go ahead on {@code executor}; null: never. */
    void executor(Executor executor) {
        this.executor = executor;
        if (executor == null) {
            cancel();
        }
    }

    /** Stops a read ahead after the page in flight: the next read starts somewhere else. */
    void cancel() {
        Ahead a = ahead;
        ahead = null;
        if (a != null) {
            a.cancelled.set(true);
        }
    }

    Changes read(Watermark from, int max) {
        Changes changes = takeAhead(from, max);
        if (changes == null) {
            KeysetReader.Session resume = session;
            session = null;
            changes = reader.read(from, max, resume, () -> false);
        }
        session = changes.resume;
        Executor ex = executor;
        if (changes.more() && ex != null && session != null) {
            Ahead next = new Ahead(session.end(), max);
            KeysetReader.Session handed = session;
            session = null; // the read ahead goes on with it
            next.result = CompletableFuture.supplyAsync(
                    () -> reader.read(next.from, max, handed, next.cancelled::get), ex);
            ahead = next;
        }
        return changes;
    }

    /** The read ahead's changes when it started at {@code from}; null (and cancelled) otherwise, or when it failed. */
    private Changes takeAhead(Watermark from, int max) {
        Ahead a = ahead;
        ahead = null;
        if (a == null) {
            return null;
        }
        if (!a.from.equals(from) || a.max != max) {
            a.cancelled.set(true);
            return null;
        }
        try {
            return a.result.join();
        } catch (CompletionException e) {
            // read again now, on this thread: a fault may have passed, and a lasting one is raised from here
            LOG.debug("Reading changes ahead failed; reading them again", e.getCause());
            return null;
        }
    }
}
