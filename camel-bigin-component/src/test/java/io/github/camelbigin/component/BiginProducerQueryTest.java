package io.github.camelbigin.component;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** operation=coql and operation=count: COQL checked before the call, paged by the component, parameters escaped. */
class BiginProducerQueryTest extends BiginTestSupport {

    @Test
    void aQueryReads25000RecordsByKeysetPastCoqlsOffsetReachIn125Calls() {
        emulator().seed().contacts(25_000);

        List<?> records = template.requestBody(bigin("Contacts?operation=coql"),
                "select Last_Name, Email from Contacts where Email like '%@example.com'", List.class);

        assertThat(records).hasSize(25_000);
        assertThat(new HashSet<>(records.stream().map(r -> ((Map<?, ?>) r).get("id")).toList())).hasSize(25_000);
        assertThat(calls()).hasSize(125).containsOnly("POST /coql");
        assertThat(apiRequests().get(124).bodyJson().get("select_query").asText())
                .startsWith("select Last_Name, Email from Contacts where (Email like '%@example.com') and id > ")
                .endsWith("order by id asc limit 200");
    }

    @Test
    void aQueryInTheRoutesOrderFailsPastTenThousandRecordsNamingTheFix() {
        emulator().seed().contacts(10_050);

        Exchange ex = send(bigin("Contacts?operation=coql&streaming=false"),
                "select Last_Name from Contacts order by Last_Name asc");

        assertThat(ex.getException()).hasMessageContaining("More than 10000 records match")
                .hasMessageContaining("leave ORDER BY out");
        assertThat(calls()).hasSize(50);
    }

    @Test
    void aQueryWithItsOwnLimitIsOnePageAndLimitsPastBiginsAreRefusedWithoutACall() {
        emulator().seed().contacts(30);

        Exchange page = send(bigin("Contacts?operation=coql"), "select Last_Name from Contacts limit 10 offset 5");
        Exchange tooMany = send(bigin("Contacts?operation=coql"), "select Last_Name from Contacts limit 1000");

        assertThat(page.getMessage().getBody(List.class)).hasSize(10);
        assertThat(page.getMessage().getHeader(BiginConstants.MORE_RECORDS)).isEqualTo(true);
        assertThat(tooMany.getException()).hasMessageContaining("COQL LIMIT 1000").hasMessageContaining("Leave LIMIT out");
        assertThat(calls()).hasSize(1);
    }

    @Test
    void parametersComeFromHeadersEscapedSoAQuoteInAValueMatchesExactly() {
        emulator().seed().insert("Contacts", Map.of("Last_Name", "O'Brien", "Email", "ob@example.com"));
        emulator().seed().insert("Contacts", Map.of("Last_Name", "Brien", "Email", "b@example.com"));

        List<Object> byHeader = template.requestBodyAndHeader(bigin("Contacts?operation=coql"
                                                               + "&query=select Email from Contacts where Last_Name = :name"),
                null, "name", "O'Brien", List.class);
        List<Object> byMap = template.requestBodyAndHeader(bigin("Contacts?operation=coql"),
                "select Email from Contacts where Last_Name in :names", BiginConstants.QUERY_PARAMETERS,
                Map.of("names", List.of("Brien", "Nobody")), List.class);

        assertThat(byHeader).extracting(r -> (Object) ((Map<?, ?>) r).get("Email")).containsExactly("ob@example.com");
        assertThat(byMap).extracting(r -> (Object) ((Map<?, ?>) r).get("Email")).containsExactly("b@example.com");
        assertThat(apiRequests().get(0).bodyJson().get("select_query").asText()).contains("Last_Name = 'O\\'Brien'");
    }

    @Test
    void streamingReadsPagesAsTheRouteConsumesThem() {
        emulator().seed().contacts(450);

        Iterator<?> it = template.requestBody(bigin("Contacts?operation=coql&streaming=true"),
                "select Last_Name from Contacts", Iterator.class);
        assertThat(calls()).isEmpty();
        it.next();
        assertThat(calls()).hasSize(1);
        int n = 1;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        assertThat(n).isEqualTo(450);
        assertThat(calls()).hasSize(3);
    }

    @Test
    void countIsOneCallForAQueryOrTheWholeModule() {
        emulator().seed().contacts(42);
        emulator().seed().insert("Contacts", Map.of("Last_Name", "Odd", "Email", "odd@elsewhere.org"));

        Long all = template.requestBody(bigin("Contacts?operation=count"), null, Long.class);
        Long some = template.requestBody(bigin("Contacts?operation=count"),
                "select id from Contacts where Email like '%@example.com'", Long.class);
        Long none = template.requestBody(bigin("Contacts?operation=count"),
                "select id from Contacts where Last_Name = 'Nobody'", Long.class);

        assertThat(all).isEqualTo(43);
        assertThat(some).isEqualTo(42);
        assertThat(none).isZero();
        assertThat(calls()).hasSize(3).containsOnly("POST /coql");
        assertThat(apiRequests().get(0).bodyJson().get("select_query").asText()).isEqualTo("select count(id) from Contacts");
    }

    @Test
    void aQueryOptionIsCheckedWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?operation=coql&query=select Account_Name from Accounts")))
                .hasRootCauseMessage("The query reads Accounts but the endpoint is bigin:Contacts: use bigin:Accounts for it");
        assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?operation=coql&query=select Last_Name from Contacts"
                                                           + " limit 201")))
                .rootCause().hasMessageContaining("COQL LIMIT 201");
        assertThat(calls()).isEmpty();
    }

    @Test
    void aCoqlOperationWithoutQueryNamesWhereToPutIt() {
        Exchange ex = send(bigin("Contacts?operation=coql"), null);

        assertThat(ex.getException()).hasMessageContaining("needs a query")
                .hasMessageContaining(BiginConstants.QUERY);
    }
}
