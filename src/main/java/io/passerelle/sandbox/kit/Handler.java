package io.passerelle.sandbox.kit;

/** Answers one routed request; may throw {@link ErrorAnswer} for an answer in the ERP's error shape. */
@FunctionalInterface
public interface Handler {

    Answer handle(Request request);
}
