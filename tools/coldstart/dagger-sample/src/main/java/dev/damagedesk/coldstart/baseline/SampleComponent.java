package dev.damagedesk.coldstart.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Component;
import javax.inject.Singleton;

/** The sample's dependency graph, generated at compile time by Dagger (no reflection at start-up). */
@Singleton
@Component(modules = SampleModule.class)
interface SampleComponent {

    ProductDao products();

    ObjectMapper mapper();
}
