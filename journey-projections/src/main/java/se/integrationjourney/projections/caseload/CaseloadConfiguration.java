package se.integrationjourney.projections.caseload;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the caseload's thresholds from {@code journey.caseload.*}, defaulting to the values of docs/domain.md. */
@Configuration(proxyBeanMethods = false)
public class CaseloadConfiguration {

    @Bean
    CaseloadThresholds caseloadThresholds(
            @Value("${journey.caseload.introductory-meeting-days:30}") int introductoryMeetingDays,
            @Value("${journey.caseload.action-plan-days:60}") int actionPlanDays,
            @Value("${journey.caseload.housing-days:90}") int housingDays,
            @Value("${journey.caseload.sfi-enrolment-days:30}") int sfiEnrolmentDays,
            @Value("${journey.caseload.establishment-ending-days:90}") int establishmentEndingDays,
            @Value("${journey.caseload.sfi-right-years:3}") int sfiRightYears,
            @Value("${journey.caseload.sfi-right-ending-days:90}") int sfiRightEndingDays) {
        return new CaseloadThresholds(introductoryMeetingDays, actionPlanDays, housingDays, sfiEnrolmentDays,
                establishmentEndingDays, sfiRightYears, sfiRightEndingDays);
    }
}
