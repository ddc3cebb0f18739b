package io.github.camelbigin.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** An ArchUnit condition on a top-level class's source file: at most so many lines. */
final class ClassSize {

    private ClassSize() {
    }

    static ArchCondition<JavaClass> atMostLines(int lines) {
        return new ArchCondition<>("have at most " + lines + " lines of source") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (c.isNestedClass() || c.isAnonymousClass() || c.isLocalClass()) {
                    return;
                }
                Optional<Path> source = source(c);
                if (source.isEmpty()) {
                    return; // generated: src/generated or a build's output
                }
                long n = count(source.get());
                events.add(new SimpleConditionEvent(c, n <= lines, c.getName() + " has " + n + " lines (" + source.get()
                                                                  + ")"));
            }
        };
    }

    /** The class's source in the module under test, when it has one there. */
    private static Optional<Path> source(JavaClass c) {
        Path p = Path.of("src", "main", "java", c.getPackageName().replace('.', '/'), c.getSimpleName() + ".java");
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }

    private static long count(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
