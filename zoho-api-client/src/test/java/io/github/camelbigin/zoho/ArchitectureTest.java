package io.github.camelbigin.zoho;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The engine's rules: no Camel, no emulator, HttpClient only behind the http package, no package cycles. */
@AnalyzeClasses(packages = "io.github.camelbigin.zoho", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theEngineImportsNothingFromCamel = noClasses().should()
            .dependOnClassesThat().resideInAPackage("org.apache.camel..");

    @ArchTest
    static final ArchRule theEngineNeverDependsOnTheEmulator = noClasses().should()
            .dependOnClassesThat().resideInAPackage("io.github.camelbigin.emulator..");

    @ArchTest
    static final ArchRule onlyTheHttpPackageTouchesHttpClient = noClasses()
            .that().resideOutsideOfPackage("io.github.camelbigin.zoho.http..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.hc..");

    @ArchTest
    static final ArchRule thePackagesHaveNoCycles = slices().matching("io.github.camelbigin.zoho.(*)..")
            .should().beFreeOfCycles();
}
