package io.sib2ae.orchestrator.routes;

import io.sib2ae.orchestrator.intake.Folders;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every route file's test shares: a Camel context on folders of the test class's own, their
 * properties, and the beans every route uses. A test names its route files and binds the beans of
 * its own routes ({@link #bindRouteBeans}).
 */
abstract class RouteTestSupport extends CamelTestSupport {

    @TempDir
    static Path root;

    protected final Folders folders = RouteFixtures.folders(root);

    /** The beans the routes under test call, beside the common ones. */
    protected abstract void bindRouteBeans(Registry registry) throws Exception;

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        return RouteFixtures.properties(RouteFixtures.folders(root));
    }

    @Override
    protected final void bindToRegistry(Registry registry) throws Exception {
        RouteFixtures.bindCommonBeans(registry, folders);
        bindRouteBeans(registry);
    }
}
