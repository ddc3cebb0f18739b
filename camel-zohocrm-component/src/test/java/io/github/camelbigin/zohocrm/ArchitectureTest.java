package io.github.camelbigin.zohocrm;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.camel.Consumer;
import org.apache.camel.Producer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * zohocrm: is the shared Camel layer speaking another API: it has no producer or consumer of its own, and like that
 * layer it knows nothing of HTTP and never depends on the emulator.
 */
@AnalyzeClasses(packages = "io.github.camelbigin.zohocrm", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule itSharesTheProducerAndConsumerOfTheBiginComponent = noClasses().should()
            .implement(Producer.class).orShould().implement(Consumer.class);

    @ArchTest
    static final ArchRule itKnowsNoHttpNorTheEmulator = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.apache.hc..", "org.apache.camel.component.http..",
                    "io.github.camelbigin.emulator..");
}
