package io.passerelle.console;

/**
 * One field of the new-connection form, made from what the ERP's module declares (a credential, an option) or from
 * what every connection has (its id, company and endpoint). {@code param} is the form's name for it, the one its
 * problems are filed under; a {@code secret} one is a password field whose value is never written back into the page.
 * Public for the templates, whose expressions call only public methods.
 */
public record WizardField(String param, String label, String help, boolean required, boolean secret, String value,
        String placeholder, String problem) {

    public String inputId() {
        return "field-" + param.replace('.', '-');
    }

    public String helpId() {
        return inputId() + "-help";
    }

    public String problemId() {
        return inputId() + "-problem";
    }

    /** What the page writes into the field: never a secret, which the person types again after a refusal. */
    public String shownValue() {
        return secret || value == null ? "" : value;
    }

    /** The ids the field is described by: its help, and its problem when it has one. */
    public String describedBy() {
        return problem == null ? helpId() : helpId() + " " + problemId();
    }
}
