package io.passerelle.export;

/** One outbound flow of one ERP: the platform's items ({@code source}) to the ERP ({@code sink}). */
public record OutboundFlow<T, P>(String erp, String name, ExportSource<T> source, ExportSink<T, P> sink) {
}
