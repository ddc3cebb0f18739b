package io.github.camelbigin.zoho.records;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.zoho.api.ZohoApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a COQL query becomes before any call: its limits checked, its parameters escaped, its pages written. */
class CoqlQueryTest {

    private static CoqlQuery parse(String query, Map<String, ?> parameters) {
        return CoqlQuery.parse(ZohoApi.BIGIN_V2, query, parameters);
    }

    @Test
    void aQueryWithoutLimitIsReadByKeysetOnIdWithItsWhereClauseKept() {
        CoqlQuery q = parse("select Last_Name, Email from Contacts where Lead_Source = 'Web' or Email is null", Map.of());

        assertThat(q.singlePage()).isFalse();
        assertThat(q.keysetPage(null)).isEqualTo("select Last_Name, Email from Contacts where (Lead_Source = 'Web' or"
                                                 + " Email is null) and id > 0 order by id asc limit 200");
        assertThat(q.keysetPage("7255024000000596045")).endsWith("and id > 7255024000000596045 order by id asc limit 200");
        assertThat(q.countQuery()).isEqualTo("select count(id) from Contacts where Lead_Source = 'Web' or Email is null");
    }

    @Test
    void anOrderedQueryIsReadByOffsetInTheRoutesOrder() {
        CoqlQuery q = parse("SELECT Last_Name FROM Contacts ORDER BY Last_Name desc", Map.of());

        assertThat(q.ordered()).isTrue();
        assertThat(q.offsetPage(400)).isEqualTo("select Last_Name from Contacts order by Last_Name desc limit 200"
                                                + " offset 400");
    }

    @Test
    void aQueryWithItsOwnLimitIsOnePageAsGiven() {
        assertThat(parse("select Last_Name from Contacts where Last_Name like 'A%' limit 50 offset 100", Map.of())
                .asGiven()).isEqualTo("select Last_Name from Contacts where Last_Name like 'A%' limit 50 offset 100");
        assertThat(parse("select Last_Name from Contacts limit 100, 50", Map.of()).asGiven())
                .endsWith("limit 50 offset 100");
    }

    @Test
    void limitsPastTheApisAreRefusedBeforeAnyCallNamingTheFix() {
        assertThatThrownBy(() -> parse("select Last_Name from Contacts limit 500", Map.of()))
                .hasMessageContaining("COQL LIMIT 500").hasMessageContaining("Leave LIMIT out");
        assertThatThrownBy(() -> parse("select Last_Name from Contacts limit 200 offset 10000", Map.of()))
                .hasMessageContaining("COQL OFFSET 10000").hasMessageContaining("9800");
        assertThatThrownBy(() -> parse("select Last_Name from Contacts offset 10", Map.of()))
                .hasMessageContaining("OFFSET without a LIMIT");
        assertThatThrownBy(() -> parse("delete from Contacts", Map.of())).hasMessageContaining("is not a COQL select");
    }

    @Test
    void parametersAreBoundAsEscapedLiteralsAndNeverInsideQuotes() {
        Map<String, Object> values = new HashMap<>();
        values.put("name", "O'Brien \\ Sons");
        values.put("min", 5);
        values.put("ids", List.of("1", "2"));
        values.put("since", OffsetDateTime.parse("2026-02-06T00:28:53-08:00"));
        values.put("none", null);

        CoqlQuery q = parse("select Last_Name from Contacts where Last_Name = :name and Score > :min and id in :ids"
                            + " and Modified_Time > :since and Title = ':name' and Email = :none", values);

        assertThat(q.keysetPage(null)).contains("Last_Name = 'O\\'Brien \\\\ Sons'").contains("Score > 5")
                .contains("id in ('1', '2')").contains("Modified_Time > '2026-02-06T00:28:53-08:00'")
                .contains("Title = ':name'").contains("Email = null");
    }

    @Test
    void aParameterWithoutValueIsNamed() {
        assertThatThrownBy(() -> parse("select Last_Name from Contacts where Email = :email", Map.of()))
                .hasMessageContaining("COQL parameter :email has no value");
        assertThatThrownBy(() -> parse("select Last_Name from Contacts where id in :ids", Map.of("ids", List.of())))
                .hasMessageContaining("empty list");
    }

    @Test
    void aCallCostsCreditsByItsLimitAsZohoCrmsTableSays() {
        assertThat(CoqlQuery.credits("select id from Leads")).isEqualTo(1);
        assertThat(CoqlQuery.credits("select id from Leads limit 200")).isEqualTo(1);
        assertThat(CoqlQuery.credits("select id from Leads where id > 5 order by id asc limit 1000")).isEqualTo(2);
        assertThat(CoqlQuery.credits("select id from Leads order by Last_Name limit 2000 offset 4000")).isEqualTo(3);
        assertThat(CoqlQuery.credits("select id from Leads limit 10, 1500")).isEqualTo(3);
    }
}
