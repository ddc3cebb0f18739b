package io.github.camelbigin.zoho.records;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CriteriaTest {

    @Test
    void combinesConditionsWithAndOrInParentheses() {
        Criteria c = Criteria.equal("Last_Name", "Watson").and(Criteria.startsWith("Email", "ted"));

        assertThat(c).hasToString("((Last_Name:equals:Watson)and(Email:starts_with:ted))");
        assertThat(c.or(Criteria.equal("id", 1))).hasToString(
                "(((Last_Name:equals:Watson)and(Email:starts_with:ted))or(id:equals:1))");
    }

    @Test
    void escapesBackslashParenthesesAndCommasInValues() {
        assertThat(Criteria.escape("a\\b(c),d")).isEqualTo("a\\\\b\\(c\\)\\,d");
        assertThat(Criteria.equal("Last_Name", "x)or(Email:equals:y")).hasToString(
                "(Last_Name:equals:x\\)or\\(Email:equals:y)");
    }

    @Test
    void refusesFieldNamesAndOperatorsThatCouldChangeTheQuery() {
        assertThatThrownBy(() -> Criteria.equal("Last_Name)or(x", "v")).hasMessageContaining("is not a field API name");
        assertThatThrownBy(() -> Criteria.of("Email", "equals:x", "v")).hasMessageContaining("criteria operator");
    }
}
