package io.passerelle.request;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a request body type: its validator lists the body's {@link TypeProblems} with its own problems and fails
 * when there are any, so a body with type errors may reach it with those fields read as null. Bodies without it
 * are refused at once when they have type errors.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MergesTypeProblems {
}
