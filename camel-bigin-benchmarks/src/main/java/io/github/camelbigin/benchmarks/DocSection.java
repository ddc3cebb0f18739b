package io.github.camelbigin.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The part of a Markdown page a program writes: between two copies of a marker comment, the rest left as it is. */
final class DocSection {

    private DocSection() {
    }

    /**
     * Puts "Last run: now, {@code about}." and {@code content} between the two {@code marker}s of {@code page}
     * (appending both when the page lacks them).
     */
    static void write(Path page, String marker, String about, String content) throws IOException {
        String text = Files.exists(page) ? Files.readString(page) : "";
        String block = marker + "\n\nLast run: " + Instant.now() + ", " + about + ".\n\n" + content + "\n" + marker;
        int first = text.indexOf(marker);
        int last = text.lastIndexOf(marker);
        text = first >= 0 && last > first ? text.substring(0, first) + block + text.substring(last + marker.length())
                : text + "\n" + block + "\n";
        Files.writeString(page, text);
    }
}
