package se.integrationjourney.api.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write whose whole effect is committed in one transaction, whose commit says when its outcome is unknown
 * (the journeys' writes, account creation). Only for such a write can a failure to reach the database be answered
 * "nothing was recorded"; for any other, the answer says it is not known what changed.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RecordsInOneTransaction {}
