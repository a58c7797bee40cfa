package io.passerelle.export;

/** A candidate either translated for the ERP or refused before any call, with a code and words. */
public record Preparation<P>(PreparedItem<P> item, String code, String message) {

    public static <P> Preparation<P> ready(PreparedItem<P> item) {
        return new Preparation<>(item, null, null);
    }

    public static <P> Preparation<P> refused(String code, String message) {
        return new Preparation<>(null, code, message);
    }

    public boolean isReady() {
        return item != null;
    }
}
