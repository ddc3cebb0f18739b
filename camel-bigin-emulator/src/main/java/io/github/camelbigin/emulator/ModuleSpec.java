package io.github.camelbigin.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A module: its API name, labels, fields and the fields Bigin checks for duplicates on upsert. */
public final class ModuleSpec {

    private static final AtomicLong FIELD_IDS = new AtomicLong(7255024000000002001L);
    private static final AtomicLong MODULE_IDS = new AtomicLong(7255024000000001001L);

    /** The system fields every module has; Bigin sets them, users cannot. */
    static final List<String> SYSTEM_FIELDS = List.of("Owner", "Created_Time", "Modified_Time", "Created_By",
            "Modified_By");

    private final String apiName;
    private final String singular;
    private final String plural;
    private final Map<String, FieldSpec> fields = new LinkedHashMap<>();
    private final List<String> duplicateCheckFields;
    private final String displayField;
    private final long id = MODULE_IDS.getAndIncrement();

    private ModuleSpec(String apiName, String singular, String plural, String displayField,
                       List<String> duplicateCheckFields) {
        this.apiName = apiName;
        this.singular = singular;
        this.plural = plural;
        this.displayField = displayField;
        this.duplicateCheckFields = duplicateCheckFields;
    }

    /** Starts a module definition; the first field given becomes its display name field. */
    public static Builder builder(String apiName) {
        return new Builder(apiName);
    }

    public String apiName() {
        return apiName;
    }

    public Map<String, FieldSpec> fields() {
        return Collections.unmodifiableMap(fields);
    }

    public FieldSpec field(String name) {
        return fields.get(name);
    }

    public List<String> duplicateCheckFields() {
        return duplicateCheckFields;
    }

    /** The module's id, as the module list and watch answers show it. */
    long id() {
        return id;
    }

    /** The field whose value names a record (shown in lookups and deleted entries). */
    public String displayField() {
        return displayField;
    }

    /** The module as {@code GET /settings/modules} shows it, in production's shape. */
    Map<String, Object> toJson(Map<String, Object> modifiedBy) {
        return ProductionShapes.module(apiName, singular, plural, id, (int) (id % 100), modifiedBy);
    }

    /** The modules of a new Bigin org, with the fields the emulator knows. */
    static List<ModuleSpec> standardModules() {
        List<ModuleSpec> m = new ArrayList<>();
        // as wide as a default production Contacts module (about 70 fields): more than one request reads
        m.add(builder("Contacts").singular("Contact").duplicateCheck("Email")
                .text("First_Name").mandatory("Last_Name").email("Email").phone("Phone").phone("Mobile")
                .text("Title").lookup("Account_Name", "Accounts").text("Description").text("Mailing_Street")
                .text("Mailing_City").text("Mailing_State").text("Mailing_Zip").text("Mailing_Country")
                .field("Email_Opt_Out", "boolean").readOnly("Full_Name", "text").text("Department").text("Salutation")
                .readOnly("Record_Creation_Source_ID__s", "text")
                .email("Secondary_Email").phone("Home_Phone").phone("Other_Phone").phone("Fax")
                .text("Assistant").phone("Asst_Phone").field("Date_of_Birth", "date").text("Lead_Source")
                .text("Other_Street").text("Other_City").text("Other_State").text("Other_Zip").text("Other_Country")
                .text("Skype_ID").text("Twitter").lookup("Reporting_To", "Contacts")
                .readOnly("Last_Activity_Time", "datetime").readOnly("Record_Image", "profileimage")
                .readOnly("Unsubscribed_Mode", "text").readOnly("Unsubscribed_Time", "datetime")
                .readOnly("Locked__s", "boolean").readOnly("Last_Enriched_Time__s", "datetime")
                .readOnly("Enrich_Status__s", "text").text("Contact_Type").text("Industry").text("LinkedIn")
                .text("Website").field("Annual_Revenue", "currency").field("No_of_Employees", "integer")
                .text("Rating").text("Customer_Since").text("Preferred_Channel").text("Time_Zone")
                .text("Language").text("Region").text("Segment").text("Partner_Tier").text("Referral_Code")
                .text("Source_Campaign").field("Lifetime_Value", "currency").text("Support_Plan")
                .field("Renewal_Date", "date").text("Notes_Summary")
                .build());
        m.add(builder("Accounts").singular("Company").plural("Companies").duplicateCheck("Account_Name")
                .mandatory("Account_Name").text("Website").phone("Phone").text("Billing_Street").text("Billing_City")
                .text("Billing_State").text("Billing_Code").text("Billing_Country").text("Description").build());
        m.add(builder("Pipelines").singular("Pipeline").duplicateCheck("Pipeline_Name")
                .mandatory("Pipeline_Name").field("Stage", "picklist", true).field("Amount", "currency")
                .field("Closing_Date", "date").lookup("Account_Name", "Accounts").lookup("Contact_Name", "Contacts")
                .text("Sub_Pipeline").text("Description").build());
        m.add(builder("Products").singular("Product").duplicateCheck("Product_Name")
                .mandatory("Product_Name").text("Product_Code").field("Unit_Price", "currency")
                .field("Product_Active", "boolean").text("Description").build());
        m.add(builder("Tasks").singular("Task").mandatory("Subject").field("Due_Date", "date").text("Status")
                .text("Priority").lookup("What_Id", null).text("Description").build());
        m.add(builder("Events").singular("Event").mandatory("Event_Title").field("Start_DateTime", "datetime")
                .field("End_DateTime", "datetime").lookup("What_Id", null).text("Venue").text("Description").build());
        m.add(builder("Calls").singular("Call").mandatory("Subject").text("Call_Type")
                .field("Call_Start_Time", "datetime").text("Call_Duration").lookup("What_Id", null)
                .text("Description").build());
        m.add(builder("Notes").singular("Note").text("Note_Title").mandatory("Note_Content")
                .lookup("Parent_Id", null).build());
        return m;
    }

    /**
     * The modules of a new Zoho CRM org: Bigin's Contacts, Accounts, Products, Tasks, Events, Calls and Notes, CRM's
     * Leads and Deals (Bigin's Pipelines), and the inventory modules Quotes, Sales_Orders and Invoices. Contacts and
     * Leads have an external-id field (unique, usable in {@code X-EXTERNAL}).
     */
    static List<ModuleSpec> crmModules() {
        List<ModuleSpec> m = new ArrayList<>();
        for (ModuleSpec bigin : standardModules()) {
            switch (bigin.apiName()) {
                case "Pipelines":
                    break;
                case "Contacts":
                    m.add(withField(bigin, new FieldSpec("External_Contact_ID", "text", false, true, false, null,
                            FIELD_IDS.getAndIncrement())));
                    break;
                default:
                    m.add(bigin);
            }
        }
        m.add(builder("Leads").singular("Lead").duplicateCheck("Email").text("First_Name").mandatory("Last_Name")
                .text("Company").email("Email").phone("Phone").text("Lead_Source").text("Lead_Status")
                .text("Industry").field("Annual_Revenue", "currency").text("Description")
                .unique("External_Lead_ID", "text").build());
        m.add(builder("Deals").singular("Deal").duplicateCheck("Deal_Name").mandatory("Deal_Name")
                .field("Stage", "picklist", true).field("Amount", "currency").field("Closing_Date", "date")
                .lookup("Account_Name", "Accounts").lookup("Contact_Name", "Contacts").text("Description")
                .multiSelectLookup("Competitors", "Accounts", "Competitor").build());
        // the inventory modules carry their products in a subform (line items), each row with its own id
        for (String[] inventory : new String[][] {{"Quotes", "Quote", "Quoted_Items"},
                {"Sales_Orders", "Sales Order", "Ordered_Items"}, {"Invoices", "Invoice", "Invoiced_Items"},
                {"Purchase_Orders", "Purchase Order", "Purchase_Items"}}) {
            m.add(builder(inventory[0]).singular(inventory[1]).mandatory("Subject").lookup("Account_Name", "Accounts")
                    .lookup("Contact_Name", "Contacts").field("Grand_Total", "currency").text("Status")
                    .field(inventory[2], "subform").text("Description").build());
        }
        return m;
    }

    /** A copy of a module with one more field, before the system fields. */
    private static ModuleSpec withField(ModuleSpec spec, FieldSpec extra) {
        ModuleSpec copy = new ModuleSpec(spec.apiName, spec.singular, spec.plural, spec.displayField,
                spec.duplicateCheckFields);
        spec.fields.forEach((name, f) -> {
            if ("Owner".equals(name)) {
                copy.fields.put(extra.apiName(), extra);
            }
            copy.fields.put(name, f);
        });
        return copy;
    }

    /** Defines a module field by field. */
    public static final class Builder {
        private final String apiName;
        private String singular;
        private String plural;
        private final List<FieldSpec> fields = new ArrayList<>();
        private final List<String> duplicateCheck = new ArrayList<>();

        private Builder(String apiName) {
            this.apiName = apiName;
            this.singular = apiName;
        }

        public Builder singular(String label) {
            this.singular = label;
            return this;
        }

        /** The plural label the UI shows (Bigin shows Accounts as Companies); default the API name. */
        public Builder plural(String label) {
            this.plural = label;
            return this;
        }

        /** A field Bigin sets and users cannot write (Full_Name, Last_Activity_Time, Record_Image, …). */
        public Builder readOnly(String name, String dataType) {
            fields.add(new FieldSpec(name, dataType, false, false, true, null, FIELD_IDS.getAndIncrement()));
            return this;
        }

        /** Fields that upsert matches on when the request names none. */
        public Builder duplicateCheck(String... names) {
            duplicateCheck.addAll(List.of(names));
            return this;
        }

        public Builder text(String name) {
            return field(name, "text");
        }

        public Builder mandatory(String name) {
            return field(name, "text", true);
        }

        public Builder email(String name) {
            return field(name, "email");
        }

        public Builder phone(String name) {
            return field(name, "phone");
        }

        /** A lookup to another module (null: any module, like What_Id). */
        public Builder lookup(String name, String module) {
            fields.add(new FieldSpec(name, "lookup", false, false, false, module, FIELD_IDS.getAndIncrement()));
            return this;
        }

        public Builder field(String name, String dataType) {
            return field(name, dataType, false);
        }

        /** Zoho CRM: a multi-select lookup to {@code module}, each row's record under {@code connectedField}. */
        public Builder multiSelectLookup(String name, String module, String connectedField) {
            fields.add(FieldSpec.multiSelectLookup(name, module, connectedField, FIELD_IDS.getAndIncrement()));
            return this;
        }

        public Builder field(String name, String dataType, boolean mandatory) {
            fields.add(new FieldSpec(name, dataType, mandatory, false, false, null, FIELD_IDS.getAndIncrement()));
            return this;
        }

        /** A field whose values must be unique (compared case-insensitively). */
        public Builder unique(String name, String dataType) {
            fields.add(new FieldSpec(name, dataType, false, true, false, null, FIELD_IDS.getAndIncrement()));
            return this;
        }

        public ModuleSpec build() {
            String display = fields.stream().filter(FieldSpec::mandatory).map(FieldSpec::apiName).findFirst()
                    .orElse(fields.isEmpty() ? "id" : fields.get(0).apiName());
            ModuleSpec spec = new ModuleSpec(apiName, singular, plural != null ? plural : apiName.replace('_', ' '),
                    display, List.copyOf(duplicateCheck));
            for (FieldSpec f : fields) {
                spec.fields.put(f.apiName(), f);
            }
            spec.fields.put("Owner", new FieldSpec("Owner", "ownerlookup", false, false, false, "users",
                    FIELD_IDS.getAndIncrement()));
            for (String sys : List.of("Created_Time", "Modified_Time")) {
                spec.fields.put(sys, new FieldSpec(sys, "datetime", false, false, true, null,
                        FIELD_IDS.getAndIncrement()));
            }
            for (String sys : List.of("Created_By", "Modified_By")) {
                spec.fields.put(sys, new FieldSpec(sys, "ownerlookup", false, false, true, "users",
                        FIELD_IDS.getAndIncrement()));
            }
            spec.fields.put("Tag", new FieldSpec("Tag", "multiselectpicklist", false, false, false, null,
                    FIELD_IDS.getAndIncrement()));
            return spec;
        }
    }
}
