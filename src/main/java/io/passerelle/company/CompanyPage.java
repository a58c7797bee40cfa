package io.passerelle.company;

import java.util.List;

/** A page of companies; {@code next} is the value for {@code after} that gives the next page, null at the end. */
public record CompanyPage(List<CompanyView> items, String next) {
}
