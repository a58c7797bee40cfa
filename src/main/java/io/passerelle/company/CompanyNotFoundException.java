package io.passerelle.company;

/** No platform company has that id; answered 404. */
public class CompanyNotFoundException extends RuntimeException {

    public CompanyNotFoundException(long id) {
        super("no company " + id);
    }
}
