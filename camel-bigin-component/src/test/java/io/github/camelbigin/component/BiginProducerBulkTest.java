package io.github.camelbigin.component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.zoho.records.WriteResult;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** operation=bulkRead and operation=bulkWrite: whole modules in and out in 50- and 500-credit jobs. */
class BiginProducerBulkTest extends BiginTestSupport {

    @TempDir
    Path dir;

    private long jobsCreated(String kind) {
        return apiRequests().stream().filter(r -> r.method().equals("POST")
                                                 && r.apiPath().equals("/bigin/bulk/v2/" + kind)).count();
    }

    @Test
    void aBulkReadChainedOverTwoJobsReadsEveryRecordOnce() {
        emulator().tuning().bulkReadPageSize(300);
        List<String> ids = emulator().seed().contacts(500);

        List<?> rows = template.requestBody(bigin("Contacts?operation=bulkRead&fields=Last_Name,Email"), null,
                List.class);

        assertThat(rows).extracting(r -> (Object) ((Map<?, ?>) r).get("id")).containsExactlyElementsOf(ids);
        assertThat(jobsCreated("read")).isEqualTo(2);
        assertThat(emulator().observe().credits()).as("two jobs of 50 credits, their polls and downloads")
                .isLessThan(2 * 50 + 20);
    }

    @Test
    void aStreamingBulkReadHandsRowsToASplitAsTheJobsDeliverThem() throws Exception {
        emulator().tuning().bulkReadPageSize(300);
        emulator().seed().contacts(500);
        java.util.concurrent.atomic.AtomicInteger rows = new java.util.concurrent.atomic.AtomicInteger();
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export").to(bigin("Contacts?operation=bulkRead&streaming=true&fields=Last_Name"))
                        .split(body()).streaming().process(e -> rows.incrementAndGet());
            }
        });

        template.sendBody("direct:export", null);

        assertThat(rows.get()).isEqualTo(500);
        assertThat(jobsCreated("read")).isEqualTo(2);
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public static class Contact {
        public long id;
        @com.fasterxml.jackson.annotation.JsonProperty("Last_Name")
        public String lastName;
    }

    @Test
    void aBulkReadMapsItsTextRowsToTheOutputClass() {
        List<String> ids = emulator().seed().contacts(3);

        List<?> rows = template.requestBody(bigin("Contacts?operation=bulkRead&fields=Last_Name&outputClass="
                                                  + Contact.class.getName()), null, List.class);

        assertThat(rows).allMatch(Contact.class::isInstance);
        assertThat(((Contact) rows.get(0)).id).isEqualTo(Long.parseLong(ids.get(0)));
        assertThat(((Contact) rows.get(0)).lastName).isEqualTo("Number0");
    }

    @Test
    void aBulkReadExportsWhatItsCriteriaMatch() {
        emulator().seed().contacts(20);
        emulator().seed().insert("Contacts", Map.of("Last_Name", "Web", "Lead_Source", "Web"));

        List<?> rows = template.requestBody(bigin("Contacts?operation=bulkRead&fields=Last_Name&bulkCriteria="
                                                  + "{\"api_name\":\"Lead_Source\",\"comparator\":\"equal\",\"value\":\"Web\"}"),
                null, List.class);

        assertThat(rows).hasSize(1);
    }

    @Test
    void aBulkWriteReportsEachRecordInInputOrderAndKeepsFailingRowsWithTheirInput() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("Last_Name", i == 12 ? null : "Loaded" + i);
            r.put("Email", "loaded" + i + "@example.com");
            records.add(r);
        }

        Exchange ex = send(bigin("Contacts?operation=bulkWrite&failOnRecordError=false&bulkWorkDir=" + dir), records);

        List<WriteResult> results = ex.getMessage().getBody(List.class);
        assertThat(results).hasSize(30);
        assertThat(results.get(12).isSuccess()).isFalse();
        assertThat(results.get(12).getInput()).containsEntry("Email", "loaded12@example.com");
        assertThat(results.stream().filter(WriteResult::isSuccess)).hasSize(29);
        assertThat(emulator().observe().count("Contacts")).isEqualTo(29);
        assertThat(jobsCreated("write")).isEqualTo(1);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aCsvBodyIsUpsertedByItsDuplicateCheckField() {
        emulator().seed().insert("Contacts", Map.of("Last_Name", "Before", "Email", "ada@example.com"));
        String csv = "Last_Name,Email\r\nLovelace,ada@example.com\r\nHopper,grace@example.com\r\n";

        List<WriteResult> results = template.requestBody(bigin("Contacts?operation=bulkWrite&bulkOperation=upsert"
                                                               + "&duplicateCheckFields=Email"), csv, List.class);

        assertThat(results).extracting(WriteResult::getAction).containsExactly("update", "insert");
        assertThat(emulator().observe().records("Contacts")).extracting(r -> (Object) r.get("Last_Name"))
                .containsExactlyInAnyOrder("Lovelace", "Hopper");
    }

    @Test
    void bulkOptionsAreCheckedWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?operation=bulkRead&bulkCriteria=Email=x")))
                .hasStackTraceContaining("bulkCriteria 'Email=x' is not a JSON object");
        assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?operation=bulkWrite&bulkWorkDir=/no/such/dir")))
                .rootCause().hasMessageContaining("bulkWorkDir '/no/such/dir' is not a directory");
        assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?operation=bulkWrite&bulkOperation=merge")))
                .rootCause().hasMessageContaining("merge");
    }

    @Test
    void aBulkUpsertWithoutAMatchFieldSaysWhichOptionNamesIt() {
        Exchange ex = send(bigin("Contacts?operation=bulkWrite&bulkOperation=upsert"),
                List.of(Map.of("Last_Name", "X")));

        assertThat(ex.getException()).hasMessageContaining("set duplicateCheckFields");
        assertThat(apiRequests()).isEmpty();
    }
}
