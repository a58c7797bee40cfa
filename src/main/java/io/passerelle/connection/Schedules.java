package io.passerelle.connection;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * What a connection's {@code schedules} may give a flow: a Quartz cron, or one of the plain forms an administrator
 * writes (seed 002, phase two: "à l'heure ou à la journée"), read as the cron it means. The connection stores and
 * answers the cron, so that what the API shows is what Quartz runs. Times are read in the schedules' time zone
 * ({@code passerelle.schedule.time-zone}, UTC unless set), as any cron is.
 */
public final class Schedules {

    /** The forms, in words, for the problem that refuses anything else. */
    public static final String FORMS = "\"hourly\", \"every N minutes\" (N dividing 60: 1, 2, 3, 4, 5, 6, 10, 12, 15,"
            + " 20 or 30), \"daily at HH:mm\" (24-hour, e.g. \"daily at 02:00\" or \"daily at 2:00\"), or a Quartz cron"
            + " expression such as \"0 0 2 * * ?\"";

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern EVERY_MINUTES = Pattern.compile("every (\\d{1,2}) minutes?");
    private static final Pattern DAILY_AT = Pattern.compile("daily at (\\d{1,2}):(\\d{2})");
    /** Steps that divide the hour: every firing is the same time apart, across the hour too. */
    private static final Set<Integer> MINUTE_STEPS = Set.of(1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30);

    private Schedules() {
    }

    /**
     * The Quartz cron {@code text} means: the cron itself when it is one (as given), else the cron of its plain form
     * ({@code "hourly"} → {@code "0 0 * * * ?"}, {@code "every 15 minutes"} → {@code "0 0/15 * * * ?"},
     * {@code "daily at 02:00"} → {@code "0 0 2 * * ?"}); empty when it is neither. Plain forms are read without regard
     * to case or extra spaces.
     */
    public static Optional<String> cron(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String plain = SPACES.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        if (plain.equals("hourly")) {
            return Optional.of("0 0 * * * ?");
        }
        Matcher every = EVERY_MINUTES.matcher(plain);
        if (every.matches()) {
            int step = Integer.parseInt(every.group(1));
            return MINUTE_STEPS.contains(step) ? Optional.of("0 0/" + step + " * * * ?") : Optional.empty();
        }
        Matcher daily = DAILY_AT.matcher(plain);
        if (daily.matches()) {
            int hour = Integer.parseInt(daily.group(1));
            int minute = Integer.parseInt(daily.group(2));
            return hour < 24 && minute < 60 ? Optional.of("0 " + minute + " " + hour + " * * ?") : Optional.empty();
        }
        return CronExpression.isValidExpression(text) ? Optional.of(text) : Optional.empty();
    }
}
