package io.github.camelbigin.component;

import io.github.camelbigin.common.options.ZohoOperation;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BiginEndpointValidationTest extends BiginTestSupport {

    @Test
    void anUnknownOperationFailsAtEndpointCreationListingTheValidOnes() {
        assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?operation=craete")))
                .isInstanceOf(ResolveEndpointFailedException.class).rootCause()
                .hasMessageContaining("Unknown Bigin operation 'craete'")
                .hasMessageContaining("create, get, list, update, upsert, delete, search");
    }

    @Test
    void operationNamesAreAcceptedInAnyCase() {
        BiginEndpoint endpoint = context.getEndpoint(bigin("Contacts?operation=LIST"), BiginEndpoint.class);

        assertThat(endpoint.getConfiguration().getOperation()).isEqualTo(ZohoOperation.list);
    }

    @Test
    void aZohoCrmOperationIsRefusedAtEndpointCreationNamingBiginsOperations() {
        assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?operation=massUpdate")))
                .isInstanceOf(ResolveEndpointFailedException.class).rootCause()
                .hasMessageContaining("massUpdate is not an operation of Bigin")
                .hasMessageContaining("create, get, list").message().doesNotContain("massUpdate,");
    }

    @Test
    void zohoCrmsActionsBeyondRecordsAreNoOperationsOfBiginAndAreRefusedAtEndpointCreation() {
        for (String op : new String[] {"convertLead", "changeOwner", "blueprint", "transition", "sendMail",
                "recycleBin", "restore", "purge", "composite"}) {
            assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?operation=" + op)))
                    .isInstanceOf(ResolveEndpointFailedException.class).rootCause()
                    .hasMessageContaining(op + " is not an operation of Bigin");
        }
    }

    @Test
    void zohoCrmsOwnOptionsAreNoOptionsOfBiginAndAreRefusedAtEndpointCreationByName() {
        for (String option : new String[] {"externalField=Ext_Id", "edition=ENTERPRISE", "notifyFields=Email",
                "subformRows=replace", "rollbackOnFail=true"}) {
            assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?operation=list&" + option)))
                    .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("Unknown parameters")
                    .hasMessageContaining(option);
        }
    }

    @Test
    void aModuleNameWithBadCharactersFailsAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint(bigin("Con tacts/x?operation=list")))
                .rootCause().hasMessageContaining("is not a Bigin module API name");
    }

    @Test
    void perPageOver200FailsAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?operation=list&perPage=500")))
                .rootCause().hasMessageContaining("perPage 500 is out of range")
                .hasMessageContaining("1 to 200");
    }

    @Test
    void batchSizeOver100FailsAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?operation=create&batchSize=101")))
                .rootCause().hasMessageContaining("batchSize 101 is out of range");
    }

    @Test
    void anUnknownDataCenterNamesTheValidOnes() {
        assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?operation=list&dataCenter=MARS")))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("MARS");
    }

    @Test
    void aMessageWithoutAnyOperationIsRefusedWithTheFix() {
        Exchange ex = send(bigin("Contacts"), null);

        assertThat(ex.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No operation for bigin:Contacts")
                .hasMessageContaining("CamelBiginOperation");
    }

    @Test
    void anUnknownOperationInTheHeaderIsRefused() {
        Exchange ex = send(bigin("Contacts?operation=list"), null,
                java.util.Map.of(BiginConstants.OPERATION, "drop"));

        assertThat(ex.getException()).hasMessageContaining("Unknown Bigin operation 'drop'");
        assertThat(calls()).isEmpty();
    }

    @Test
    void anUnknownModuleIsReportedWithTheCaseSensitivityHint() {
        Exchange ex = send(bigin("contacts?operation=list&fields=Last_Name"), null);

        assertThat(ex.getException()).hasMessageContaining("INVALID_MODULE").hasMessageContaining("case-sensitive");
    }

    @Test
    void secretsAreMaskedInTheEndpointUri() {
        BiginEndpoint endpoint = context.getEndpoint("bigin:Contacts?operation=list&clientId=1000.ABC&clientSecret=s3cr3t"
                                                     + "&refreshToken=r3fr3sh&apiUrl=" + emulator().apiUrl(),
                BiginEndpoint.class);
        BiginEndpoint maton = context.getEndpoint("bigin:Contacts?operation=list&apiKey=k3y", BiginEndpoint.class);
        BiginEndpoint token = context.getEndpoint("bigin:Contacts?operation=list&accessToken=t0k3n", BiginEndpoint.class);

        for (BiginEndpoint e : java.util.List.of(endpoint, maton, token)) {
            assertThat(e.toString()).doesNotContain("s3cr3t", "r3fr3sh", "k3y", "t0k3n");
            // what Camel displays (logs, JMX, route dumps) is the sanitized URI
            assertThat(org.apache.camel.util.URISupport.sanitizeUri(e.getEndpointUri()))
                    .doesNotContain("s3cr3t", "r3fr3sh", "k3y", "t0k3n");
            assertThat(e.getConfiguration().toString()).doesNotContain("s3cr3t", "r3fr3sh", "k3y", "t0k3n");
        }
    }
}
