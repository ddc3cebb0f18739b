package io.github.camelbigin.zoho;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine's rules: no Camel, no emulator, HttpClient only behind the http package, no package cycles, no class over
 * 350 lines.
 */
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

    /** The engine's classes stay small enough to read whole. */
    @Test
    void noClassIsOver350Lines() throws IOException {
        Path sources = Path.of("src", "main", "java");
        List<String> large;
        try (Stream<Path> files = Files.walk(sources)) {
            large = files.filter(p -> p.toString().endsWith(".java")).filter(p -> lines(p) > 350)
                    .map(p -> sources.relativize(p) + " (" + lines(p) + " lines)").toList();
        }
        assertThat(large).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
