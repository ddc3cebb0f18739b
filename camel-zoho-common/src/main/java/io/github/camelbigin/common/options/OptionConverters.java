package io.github.camelbigin.common.options;

import io.github.camelbigin.zoho.auth.DataCenter;
import io.github.camelbigin.zoho.feed.ChangeDetection;
import io.github.camelbigin.zoho.metadata.UserType;
import io.github.camelbigin.zoho.records.DeletedType;
import io.github.camelbigin.zoho.records.SortBy;
import io.github.camelbigin.zoho.records.SortOrder;
import io.github.camelbigin.zoho.records.SubformRows;
import org.apache.camel.Converter;

/**
 * Text to the option enums, any case, with an error that names the option, the value and the valid values — for
 * options set where the endpoint cannot check them first: on the component ({@code camel.component.<scheme>.data-center},
 * Camel Main and Spring Boot alike). Camel's own enum conversion only says that no constant has the value.
 */
@Converter(generateLoader = true)
public final class OptionConverters {

    private OptionConverters() {
    }

    @Converter
    public static DataCenter toDataCenter(String text) {
        return (DataCenter) EnumOptions.constant("dataCenter", DataCenter.class, text);
    }

    @Converter
    public static ChangeDetection toChangeDetection(String text) {
        return (ChangeDetection) EnumOptions.constant("changeDetection", ChangeDetection.class, text);
    }

    @Converter
    public static SortBy toSortBy(String text) {
        return (SortBy) EnumOptions.constant("sortBy", SortBy.class, text);
    }

    @Converter
    public static SortOrder toSortOrder(String text) {
        return (SortOrder) EnumOptions.constant("sortOrder", SortOrder.class, text);
    }

    @Converter
    public static DeletedType toDeletedType(String text) {
        return (DeletedType) EnumOptions.constant("deletedType", DeletedType.class, text);
    }

    @Converter
    public static UserType toUserType(String text) {
        return (UserType) EnumOptions.constant("userType", UserType.class, text);
    }

    @Converter
    public static SubformRows toSubformRows(String text) {
        return (SubformRows) EnumOptions.constant("subformRows", SubformRows.class, text);
    }

    /** Any operation of the family: the endpoint then checks that its product offers it. */
    @Converter
    public static ZohoOperation toOperation(String text) {
        return (ZohoOperation) EnumOptions.constant("operation", ZohoOperation.class, text);
    }
}
