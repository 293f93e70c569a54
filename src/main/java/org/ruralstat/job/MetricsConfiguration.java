package org.ruralstat.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Batch's Micrometer metrics for jobs and steps (spring.batch.job, spring.batch.step), kept in memory
 * and written after each run to {@code <warehouse>/metrics/ruralstat.prom}. Item-level observations are left
 * off: one per row would cost more than they tell.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    ObservationRegistry observationRegistry(MeterRegistry meterRegistry) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig()
                .observationPredicate((name, context) -> name.equals("spring.batch.job") || name.equals("spring.batch.step"))
                .observationHandler(new DefaultMeterObservationHandler(meterRegistry));
        return registry;
    }
}
