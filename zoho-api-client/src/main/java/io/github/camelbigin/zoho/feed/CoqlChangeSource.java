package io.github.camelbigin.zoho.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.RecordIterator;
import io.github.camelbigin.zoho.records.RecordReads;
import io.github.camelbigin.zoho.records.ZohoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes through {@code select … where <time field> >= '…' order by <time field> asc, id asc limit 200}: filtering
 * guaranteed by the server. When the anchor's second is settled, the query also leaves out the ids already delivered in
 * it ({@code (T > t or (T = t and id not in (…)))}), so a page that ends inside a busy second costs no re-read — until
 * the server refuses such a query once; then the second is read again instead.
 */
final class CoqlChangeSource implements ChangeSource {

    private static final Logger LOG = LoggerFactory.getLogger(CoqlChangeSource.class);

    private final RecordReads reads;
    private final ZohoApi api;
    private final String module;
    private final String timeField;
    private final Supplier<List<String>> fields;
    private final Supplier<Instant> serverTime;
    private volatile boolean excludeDelivered = true;

    CoqlChangeSource(RecordReads reads, ZohoApi api, String module, String timeField, Supplier<List<String>> fields,
                     Supplier<Instant> serverTime) {
        this.reads = reads;
        this.api = api;
        this.module = module;
        this.timeField = timeField;
        this.fields = fields;
        this.serverTime = serverTime;
    }

    @Override
    public RecordIterator since(Watermark anchor) {
        OffsetDateTime at = anchor.time();
        String order = " order by " + timeField + " asc, id asc limit " + api.coqlLimit();
        String plain = select(at == null ? timeField + " is not null"
                : timeField + (anchor.sealed() ? " > '" : " >= '") + ZohoTime.format(at) + "'") + order;
        List<String> skip = excludable(anchor);
        String[] current = {skip.isEmpty() ? plain : select("(" + timeField + " > '" + ZohoTime.format(at)
                + "' or (" + timeField + " = '" + ZohoTime.format(at) + "' and id not in ('"
                + String.join("', '", skip) + "')))") + order};
        return new RecordIterator((page, token, perPage) -> {
            int offset = (page - 1) * api.coqlLimit();
            if (offset > api.coqlMaxOffset()) {
                throw new ZohoApiException(api, "poll", module, 0, "TOO_MANY_AT_ONCE", "more than "
                        + (api.coqlMaxOffset() + api.coqlLimit()) + " " + module + " records share the " + timeField
                        + " " + at + ": COQL cannot page past them", null, null);
            }
            try {
                return page(offset == 0 ? current[0] : current[0] + " offset " + offset);
            } catch (ZohoApiException e) {
                if (offset > 0 || current[0].equals(plain) || e.getStatusCode() != 400) {
                    throw e;
                }
                LOG.info("{} refused a COQL query that leaves out records already delivered ({} {}); {} polls"
                         + " re-read them instead from now on", api.product(), e.getCode(), e.getMessage(), module);
                excludeDelivered = false;
                current[0] = plain;
                return page(plain);
            }
        }, api.coqlLimit(), 1, false, 0);
    }

    @Override
    public RecordIterator newestFirst(int max) {
        String select = select(timeField + " is not null") + " order by " + timeField + " desc, id desc limit "
                        + api.coqlLimit();
        return new RecordIterator((page, token, perPage) -> page(
                page == 1 ? select : select + " offset " + (page - 1) * api.coqlLimit()), api.coqlLimit(), 1, false,
                max);
    }

    @Override
    public boolean mayIgnoreFilter() {
        return false;
    }

    /** Queries written with the placeholder select list of {@link #select}. */
    private static final String COLUMNS = "$COLUMNS$";

    private String select(String where) {
        return "select " + COLUMNS + " from " + module + " where " + where;
    }

    /**
     * One page of a query: one COQL call when the fields fit in one select list, else one a chunk of fields, merged
     * (a record changed between them comes again, newer, later in the feed).
     */
    private RecordIterator.Page page(String query) {
        List<List<String>> chunks = reads.fieldChunks(fields.get());
        if (chunks.size() == 1) {
            return reads.coql(query.replace(COLUMNS, String.join(", ", chunks.get(0))));
        }
        List<String> queries = chunks.stream().map(c -> query.replace(COLUMNS, String.join(", ", c))).toList();
        return reads.coqlInChunks(queries, chunks);
    }

    /**
     * The ids a query may leave out because they were delivered at the anchor's second (at most as many as COQL's
     * {@code not in} takes): only when that second is settled, i.e. more than {@link KeysetReader#SETTLE_MARGIN}
     * before the server's now, so none of them can still change within it.
     */
    private List<String> excludable(Watermark anchor) {
        if (!excludeDelivered || anchor.time() == null || anchor.sealed() || anchor.ids().isEmpty()
                || !anchor.time().toInstant().isBefore(serverTime.get().minus(KeysetReader.SETTLE_MARGIN))) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(anchor.ids());
        return ids.subList(Math.max(0, ids.size() - api.coqlMaxInValues()), ids.size());
    }
}
