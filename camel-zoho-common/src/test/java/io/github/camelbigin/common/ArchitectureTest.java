package io.github.camelbigin.common;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The family's Camel layer: it knows no product (bigin:, zohocrm: extend it, never the other way), no HTTP (the engine
 * talks to Zoho) and no emulator; its roles depend one way — options ← client ← push ← consumer ← observe, client ←
 * producer — and none of them reaches back to the component or endpoint that create them.
 */
@AnalyzeClasses(packages = "io.github.camelbigin.common", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] PRODUCTS = {"io.github.camelbigin.component..", "io.github.camelbigin.zohocrm.."};

    @ArchTest
    static final ArchRule theFamilyKnowsNoProduct = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage(PRODUCTS);

    @ArchTest
    static final ArchRule theFamilyKnowsNoHttpNorTheEmulator = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.apache.hc..", "org.apache.camel.component.http..",
                    "io.github.camelbigin.emulator..");

    /** How the engine makes its calls: its own business; the Camel layer goes through the client's services. */
    @ArchTest
    static final ArchRule theCamelLayerUsesNoneOfTheEnginesInternals = noClasses().should().dependOnClassesThat()
            .haveFullyQualifiedName("io.github.camelbigin.zoho.http.HttpTransport")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.github.camelbigin.zoho.http.ApiRequest")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.github.camelbigin.zoho.http.ApiResponse")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.github.camelbigin.zoho.http.ApiErrors")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.github.camelbigin.zoho.http.CallBudget")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.github.camelbigin.zoho.http.RateLimiter")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.github.camelbigin.zoho.http.UriEncoding")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.github.camelbigin.zoho.records.JsonCalls");

    @ArchTest
    static final ArchRule theRolesFormNoCycle = slices().matching("io.github.camelbigin.common.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noRoleReachesBackToTheComponentOrEndpoint = noClasses()
            .that().resideOutsideOfPackage("io.github.camelbigin.common")
            .should().dependOnClassesThat().resideInAPackage("io.github.camelbigin.common");

    @ArchTest
    static final ArchRule optionsDependOnNoOtherRole = noClasses().that()
            .resideInAPackage("io.github.camelbigin.common.options..").should().dependOnClassesThat()
            .resideInAnyPackage("io.github.camelbigin.common.client..", "io.github.camelbigin.common.producer..",
                    "io.github.camelbigin.common.consumer..", "io.github.camelbigin.common.push..",
                    "io.github.camelbigin.common.observe..");

    @ArchTest
    static final ArchRule theProducerAndTheConsumerKnowNothingOfEachOther = noClasses().that()
            .resideInAPackage("io.github.camelbigin.common.producer..").should().dependOnClassesThat()
            .resideInAnyPackage("io.github.camelbigin.common.consumer..", "io.github.camelbigin.common.push..");

    @ArchTest
    static final ArchRule pushModeOnlyWakesTheConsumer = noClasses().that()
            .resideInAPackage("io.github.camelbigin.common.push..").should().dependOnClassesThat()
            .resideInAnyPackage("io.github.camelbigin.common.consumer..", "io.github.camelbigin.common.producer..");

    @ArchTest
    static final ArchRule noClassIsOver350LinesButTheConfiguration = classes().that(notTheConfiguration())
            .should(ClassSize.atMostLines(350));

    private static DescribedPredicate<JavaClass> notTheConfiguration() {
        return DescribedPredicate.describe("are not the configuration (fields, getters and setters only)",
                c -> !c.getSimpleName().endsWith("Configuration"));
    }
}
