package io.cfxtrace.query.web;

/**
 * the body of every error answer.
 *
 * @param message what was wrong, naming the value.
 */
public record ErrorMessage(String message) {}
