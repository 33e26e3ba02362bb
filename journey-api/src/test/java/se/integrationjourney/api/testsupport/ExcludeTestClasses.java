package se.integrationjourney.api.testsupport;

import java.io.IOException;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Leaves the test sources out of the application's component scan, as {@code @SpringBootTest} does: other tests'
 * configurations (an in-memory token store, a probe view) must not join an application a test starts itself.
 */
public final class ExcludeTestClasses extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory)
            throws IOException {
        String location = metadataReader.getResource().getURL().toString();
        return location.contains("/test-classes/") || location.contains("-tests.jar");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExcludeTestClasses;
    }

    @Override
    public int hashCode() {
        return ExcludeTestClasses.class.hashCode();
    }
}
