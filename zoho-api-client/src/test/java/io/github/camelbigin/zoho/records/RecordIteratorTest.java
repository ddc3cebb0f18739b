package io.github.camelbigin.zoho.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordIteratorTest {

    private final List<String> asked = new ArrayList<>();

    private RecordIterator.PageFetcher pages(int total, boolean tokens) {
        return (page, token, perPage) -> {
            asked.add(token != null ? "token:" + token : "page:" + page);
            int offset = token != null ? Integer.parseInt(token) : (page - 1) * perPage;
            List<Map<String, Object>> data = IntStream.range(offset, Math.min(total, offset + perPage))
                    .mapToObj(i -> Map.<String, Object> of("id", String.valueOf(i))).collect(Collectors.toList());
            boolean more = offset + perPage < total;
            return new RecordIterator.Page(data, more, more && tokens ? String.valueOf(offset + perPage) : null);
        };
    }

    @Test
    void followsPageNumbersWhenNoTokenIsGiven() {
        RecordIterator it = new RecordIterator(pages(450, false), 200, 1, false, 0);

        assertThat(it.toList()).hasSize(450);
        assertThat(asked).containsExactly("page:1", "page:2", "page:3");
        assertThat(it.moreRecords()).isFalse();
    }

    @Test
    void followsNextPageTokensWhenGiven() {
        RecordIterator it = new RecordIterator(pages(450, true), 200, 1, false, 0);

        assertThat(it.toList()).hasSize(450);
        assertThat(asked).containsExactly("page:1", "token:200", "token:400");
    }

    @Test
    void maxRecordsBelowAPageAsksForExactlyThatManyAndReportsMore() {
        RecordIterator it = new RecordIterator((page, token, perPage) -> {
            assertThat(perPage).isEqualTo(7);
            return pages(450, false).fetch(page, token, perPage);
        }, 200, 1, false, 7);

        assertThat(it.toList()).hasSize(7);
        assertThat(it.moreRecords()).isTrue();
        assertThat(it.pagesFetched()).isEqualTo(1);
    }

    @Test
    void maxRecordsEqualToTheTotalReportsNoMore() {
        RecordIterator it = new RecordIterator(pages(400, false), 200, 1, false, 400);

        assertThat(it.toList()).hasSize(400);
        assertThat(it.moreRecords()).isFalse();
    }

    @Test
    void aSinglePageReportsWhetherMoreExist() {
        RecordIterator it = new RecordIterator(pages(450, false), 200, 2, true, 0);

        assertThat(it.toList()).extracting(r -> r.get("id")).first().isEqualTo("200");
        assertThat(asked).containsExactly("page:2");
        assertThat(it.moreRecords()).isTrue();
    }

    @Test
    void fetchesNothingUntilTheFirstRecordIsAskedFor() {
        RecordIterator it = new RecordIterator(pages(10, false), 200, 1, false, 0);

        assertThat(asked).isEmpty();
        it.hasNext();
        assertThat(asked).hasSize(1);
    }
}
