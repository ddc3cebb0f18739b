package io.github.camelbigin.zoho.records;


/**
 * Which records a list reads by their approval state. Zoho lists the approved ones unless asked otherwise; records
 * awaiting approval (created by a rule or a user that needs approval) are left out silently by default.
 */
public enum Approval {
    /** Approved records only (Zoho's default; no parameter is sent). */
    approved(null),
    /** Records awaiting approval only ({@code approved=false}). */
    awaiting("false"),
    /** Both ({@code approved=both}). */
    both("both");

    private final String parameter;

    Approval(String parameter) {
        this.parameter = parameter;
    }

    /** The value of Zoho's {@code approved} parameter, or null for the default. */
    public String parameter() {
        return parameter;
    }
}
