package se.integrationjourney.projections.caseload;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the caseload's thresholds from {@code journey.caseload.*} ({@link CaseloadThresholds}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseloadThresholds.class)
public class CaseloadConfiguration {}
