package io.cfxtrace.simulators.service;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * lets a class use an API the forbiddenapis check refuses, where the class says why (the build's
 * forbiddenapis configuration honours any annotation of this simple name).
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface SuppressForbidden {}
