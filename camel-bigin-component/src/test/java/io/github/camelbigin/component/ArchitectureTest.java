package io.github.camelbigin.component;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The Camel layer's rules: it knows nothing of HTTP (the engine does) and never depends on the emulator. */
@AnalyzeClasses(packages = "io.github.camelbigin.component", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theCamelLayerImportsNothingFromHttpClient = noClasses().should()
            .dependOnClassesThat().resideInAPackage("org.apache.hc..");

    @ArchTest
    static final ArchRule theCamelLayerNeverDependsOnTheEmulator = noClasses().should()
            .dependOnClassesThat().resideInAPackage("io.github.camelbigin.emulator..");

    @ArchTest
    static final ArchRule theCamelLayerHasNoTransportOfItsOwn = noClasses().should()
            .dependOnClassesThat().resideInAPackage("org.apache.camel.component.http..");
}
