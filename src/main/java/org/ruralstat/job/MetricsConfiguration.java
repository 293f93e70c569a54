package org.ruralstat.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Batch's Micrometer metrics for jobs and steps (spring.batch.job, spring.batch.step), kept in Micrometer's
 * Prometheus registry, written after each run to {@code <warehouse>/metrics/ruralstat.prom} and served by
 * {@code serve}'s /metrics. Item-level observations are left
 * off: one per row would cost more than they tell.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /** Micrometer's Prometheus registry: the metrics file and serve's /metrics are its scrape, bounded label sets only. */
    @Bean
    PrometheusMeterRegistry meterRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
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
