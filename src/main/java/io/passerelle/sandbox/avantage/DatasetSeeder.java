package io.passerelle.sandbox.avantage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds the sandbox company, Construction Boréal inc., from a seed: the same seed and sizes give the
 * same records, byte for byte, so tests and demos can name real employees and projects.
 */
final class DatasetSeeder {

    static final String EMAIL_DOMAIN = "boreal.qc.ca";
    /** Seeded history starts here; everything seeded lies between this and about two years later. */
    static final Instant HISTORY_START = Instant.parse("2023-09-05T12:00:00Z");
    private static final long DAY = Duration.ofDays(1).toMillis();

    static final String[] FIRST_NAMES = {
        "Jean", "Marc", "Éric", "François", "Stéphane", "Mélanie", "Geneviève", "Josée", "Hélène", "Benoît",
        "Sébastien", "Jérôme", "Rémi", "André", "Gérald", "Réjean", "Ghislain", "Normand", "Luc", "Mathieu",
        "Olivier", "Félix", "Émile", "Léa", "Chloé", "Maxime", "Alexandre", "Simon", "Pierre-Luc",
        "Jean-François", "Marie-Ève", "Anne-Marie", "Isabelle", "Nathalie", "Sylvain", "Martin", "Patrice",
        "Denis", "Yves", "Guy", "Réal", "Gaétan", "Francine", "Manon", "Lucie", "Karine", "Valérie",
        "Dominique", "Frédéric", "Hugo", "Thierry", "Gabriel", "Samuel", "William", "Noémie", "Zoé",
        "Béatrice", "Cédric", "Jérémie", "Raphaël", "Étienne", "Aurélie", "Mégane", "Maude", "Kevin",
        "Steve", "Danny", "Jean-Sébastien", "Marie-Claude", "Josée-Anne", "Louis-Philippe", "Gilles", "Michel"
    };

    static final String[] LAST_NAMES = {
        "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné",
        "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette", "Girard", "Simard",
        "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier", "Lapointe", "Leclerc",
        "Lefebvre", "Poulin", "Thibault", "St-Pierre", "Nadeau", "Martin", "Landry", "Martel", "Bédard",
        "Grenier", "Lessard", "Bernier", "Richard", "Michaud", "Hébert", "Desjardins", "Couture", "Turcotte",
        "Lachance", "Parent", "Blais", "Gosselin", "Savard", "Proulx", "Beaudoin", "Demers", "Perreault",
        "Boudreau", "Lemieux", "Cyr", "Perron", "Dufour", "Dion", "Mercier", "Bolduc", "Bérubé", "Boisvert",
        "Langlois", "Ménard", "Laflamme", "D'Amours", "Des Rosiers", "Théberge", "Lalonde", "Gingras-Roy",
        "Saint-Onge", "Vézina"
    };

    private static final String[] PROJECT_WORKS = {
        "Agrandissement", "Construction", "Réfection", "Rénovation", "Mise aux normes", "Réaménagement",
        "Démolition et reconstruction", "Réfection de la toiture –", "Ajout d'un étage –"
    };

    private static final String[] PROJECT_BUILDINGS = {
        "école", "CHSLD", "aréna", "caserne", "bibliothèque", "centre communautaire", "usine de filtration",
        "pavillon", "église", "garage municipal", "résidence pour aînés", "centre de services", "clinique",
        "piscine intérieure", "entrepôt"
    };

    private static final String[] PLACES = {
        "Saint-Jean", "Sainte-Foy", "Lévis", "Rimouski", "Chicoutimi", "Trois-Rivières", "Beauport",
        "Charlesbourg", "Saint-Georges", "Sherbrooke", "Val-Bélair", "Lac-Beauport", "Saint-Augustin",
        "L'Ancienne-Lorette", "Montmagny", "Baie-Saint-Paul", "Sainte-Marie", "Thetford Mines", "Alma",
        "Rivière-du-Loup"
    };

    private static final String[] CUSTOMERS = {
        "Centre de services scolaire des Découvreurs", "Ville de Lévis", "CISSS de Chaudière-Appalaches",
        "Ville de Québec", "Société québécoise des infrastructures", "Groupe Immobilier Laurentien inc.",
        "Hydro-Québec", "Ministère des Transports et de la Mobilité durable", "Coopérative d'habitation Le Faubourg",
        "Fabrique de la paroisse Sainte-Famille", "Municipalité de Lac-Beauport", "CIUSSS de la Capitale-Nationale",
        "Les Immeubles Champlain ltée", "Ville de Rimouski"
    };

    /** Budget activity catalogue (MasterFormat-like divisions as Québec estimators use them). */
    static final String[][] ACTIVITY_CATALOGUE = {
        {"01-100", "Conditions générales"}, {"01-500", "Installations temporaires de chantier"},
        {"02-200", "Démolition"}, {"02-300", "Excavation et remblai"}, {"03-100", "Béton"},
        {"03-200", "Armature"}, {"03-300", "Coffrages"}, {"04-200", "Maçonnerie"},
        {"05-100", "Charpente métallique"}, {"05-500", "Métaux ouvrés"}, {"06-100", "Menuiserie brute"},
        {"06-200", "Charpente"}, {"06-400", "Ébénisterie"}, {"07-200", "Isolation et pare-vapeur"},
        {"07-500", "Couverture"}, {"08-100", "Portes et cadres"}, {"08-500", "Fenêtres"},
        {"09-200", "Gypse et plâtre"}, {"09-600", "Revêtements de sol"}, {"09-900", "Peinture"},
        {"10-000", "Spécialités"}, {"21-000", "Protection incendie"}, {"22-000", "Plomberie"},
        {"23-000", "Chauffage, ventilation et climatisation"}, {"26-000", "Électricité"},
        {"31-000", "Terrassement"}, {"32-000", "Aménagement extérieur"}, {"33-000", "Services publics"}
    };

    /** code, description, base (competency A) hourly rate */
    static final String[][] TRADES = {
        {"CARP", "Charpentier-menuisier", "47.85"}, {"ELEC", "Électricien", "49.12"},
        {"PLOM", "Plombier", "49.46"}, {"BETO", "Cimentier-applicateur", "46.30"},
        {"OPEQ", "Opérateur d'équipement lourd", "46.95"}, {"BRIQ", "Briqueteur-maçon", "47.40"},
        {"COUV", "Couvreur", "45.88"}, {"FERB", "Ferblantier", "48.73"}, {"FERR", "Ferrailleur", "48.05"},
        {"FRIG", "Frigoriste", "50.02"}, {"GRUT", "Grutier", "51.64"}, {"MANO", "Manœuvre spécialisé", "38.92"},
        {"PEIN", "Peintre", "44.17"}, {"PLAT", "Plâtrier", "46.61"}, {"TUYA", "Tuyauteur", "49.98"},
        {"SOUD", "Soudeur", "48.36"}
    };

    private static final BigDecimal[] COMPETENCY_FACTOR = {
        BigDecimal.ONE, new BigDecimal("0.85"), new BigDecimal("0.70")
    };
    private static final String[] COMPETENCIES = {"A", "B", "C"};

    private final Random random;
    private final DatasetSizes sizes;
    private final long start = HISTORY_START.toEpochMilli();

    DatasetSeeder(long seed, DatasetSizes sizes) {
        this.random = new Random(seed);
        this.sizes = sizes;
    }

    void seed(Consumer<AvantageItem> sink) {
        hourTypes(sink);
        earnings(sink);
        List<Trade> trades = trades(sink);
        List<Project> projects = projects(sink);
        activities(projects, sink);
        employees(trades, sink);
    }

    private void hourTypes(Consumer<AvantageItem> sink) {
        // configured once at installation: identical stamps, so LIST order falls back to the code
        sink.accept(new HourType("REG", "Régulier", new BigDecimal("1.0"), start));
        sink.accept(new HourType("OT", "Temps et demi", new BigDecimal("1.5"), start));
        sink.accept(new HourType("DT", "Temps double", new BigDecimal("2.0"), start));
        sink.accept(new HourType("DEPL", "Temps de déplacement", new BigDecimal("1.0"), start));
        sink.accept(new HourType("FERIE", "Jour férié travaillé", new BigDecimal("2.5"), start + 40 * DAY));
    }

    private void earnings(Consumer<AvantageItem> sink) {
        long t = start;
        sink.accept(new Earning("KM", "Kilométrage", Earning.Kind.EXPENSE, Earning.Unit.KM, new BigDecimal("0.68"), t));
        sink.accept(new Earning("REPAS", "Allocation de repas", Earning.Kind.ALLOWANCE, Earning.Unit.UNIT,
                new BigDecimal("20.00"), t));
        sink.accept(new Earning("PRIME-HAUT", "Prime de hauteur", Earning.Kind.PREMIUM, Earning.Unit.HOUR,
                new BigDecimal("1.50"), t));
        sink.accept(new Earning("OUTILS", "Allocation d'outils", Earning.Kind.ALLOWANCE, Earning.Unit.UNIT,
                new BigDecimal("1.25"), t));
        sink.accept(new Earning("PENSION", "Frais de chambre et pension", Earning.Kind.ALLOWANCE, Earning.Unit.UNIT,
                new BigDecimal("165.00"), t));
        sink.accept(new Earning("STAT", "Stationnement", Earning.Kind.EXPENSE, Earning.Unit.AMOUNT, null, t));
        sink.accept(new Earning("PRIME-SOIR", "Prime de soir", Earning.Kind.PREMIUM, Earning.Unit.HOUR,
                new BigDecimal("1.00"), t));
        sink.accept(new Earning("PRIME-CHEF", "Prime de chef d'équipe", Earning.Kind.PREMIUM, Earning.Unit.HOUR,
                new BigDecimal("3.25"), t + 90 * DAY));
        sink.accept(new Earning("TRANSP", "Frais de transport", Earning.Kind.ALLOWANCE, Earning.Unit.KM,
                new BigDecimal("0.55"), t + 90 * DAY));
        sink.accept(new Earning("BOTTES", "Allocation de bottes de sécurité", Earning.Kind.ALLOWANCE,
                Earning.Unit.AMOUNT, null, t + 200 * DAY));
    }

    private List<Trade> trades(Consumer<AvantageItem> sink) {
        // the yearly CCQ rate increase lands on one day for most trades
        long rateIncrease = Instant.parse("2025-04-27T04:00:00Z").toEpochMilli();
        List<Trade> out = new ArrayList<>();
        for (int i = 0; i < TRADES.length; i++) {
            BigDecimal base = new BigDecimal(TRADES[i][2]);
            Map<String, BigDecimal> rates = new LinkedHashMap<>();
            for (int c = 0; c < COMPETENCIES.length; c++) {
                rates.put(COMPETENCIES[c], base.multiply(COMPETENCY_FACTOR[c]).setScale(2, RoundingMode.HALF_UP));
            }
            long t = i % 5 == 4 ? start : rateIncrease;
            Trade trade = new Trade(TRADES[i][0], TRADES[i][1], rates, t);
            out.add(trade);
            sink.accept(trade);
        }
        return out;
    }

    private List<Project> projects(Consumer<AvantageItem> sink) {
        List<Project> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int n = sizes.projects();
        for (int i = 0; i < n; i++) {
            String number = "P-" + (1001 + i);
            String name;
            do {
                name = projectName();
            } while (!names.add(name) && names.size() < 5000);
            // the oldest quarter of the projects is finished
            Project.Status status = i < n / 4 ? Project.Status.CLOSED : Project.Status.ACTIVE;
            String customer = random.nextInt(10) == 0 ? null : pick(CUSTOMERS);
            long t = start + spread(i, n, 700) + random.nextInt(36_000) * 1000L;
            Project p = new Project(number, name, status, customer, t);
            out.add(p);
            sink.accept(p);
        }
        return out;
    }

    private String projectName() {
        String works = pick(PROJECT_WORKS);
        String building = pick(PROJECT_BUILDINGS);
        String place = pick(PLACES);
        if (random.nextInt(12) == 0) {
            // French typography puts a no-break space before the colon: a classic key-matching trap
            return works.replace(" –", "") + " " + building + "\u00A0: " + place;
        }
        String name = works + " " + building + " " + place;
        if (random.nextInt(6) == 0) {
            name += " – phase " + (2 + random.nextInt(3));
        }
        return name;
    }

    private void activities(List<Project> projects, Consumer<AvantageItem> sink) {
        for (Project project : projects) {
            int count = sizes.minActivitiesPerProject()
                    + random.nextInt(sizes.maxActivitiesPerProject() - sizes.minActivitiesPerProject() + 1);
            count = Math.min(count, ACTIVITY_CATALOGUE.length);
            List<String[]> catalogue = new ArrayList<>(List.of(ACTIVITY_CATALOGUE));
            List<String[]> chosen = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                chosen.add(catalogue.remove(random.nextInt(catalogue.size())));
            }
            chosen.sort((a, b) -> a[0].compareTo(b[0]));
            for (String[] activity : chosen) {
                BigDecimal hours = BigDecimal.valueOf(40 + random.nextInt(4920)).divide(BigDecimal.valueOf(2))
                        .setScale(1, RoundingMode.UNNECESSARY);
                BigDecimal hourly = BigDecimal.valueOf(6500 + random.nextInt(3000), 2);
                BigDecimal amount = hours.multiply(hourly).setScale(2, RoundingMode.HALF_UP);
                // most budgets are entered with the project; some are revised later
                long t = random.nextInt(5) == 0
                        ? project.modifiedAtMillis() + (1 + random.nextInt(60)) * DAY
                        : project.modifiedAtMillis();
                sink.accept(new Activity(project.number(), activity[0], activity[1], hours, amount, t));
            }
        }
    }

    private void employees(List<Trade> trades, Consumer<AvantageItem> sink) {
        Set<String> emails = new HashSet<>();
        int next = 1;
        int n = sizes.employees();
        for (int i = 0; i < n; i++) {
            // numbers have gaps: employees deleted long ago keep their number retired
            next += random.nextInt(10) == 0 ? 1 + random.nextInt(3) : 0;
            String number = String.format(Locale.ROOT, "E-%05d", next++);
            String first = pick(FIRST_NAMES);
            String last = pick(LAST_NAMES);
            String email = null;
            if (random.nextInt(10) != 0) {
                String local = asciiFold(first) + "." + asciiFold(last);
                email = local + "@" + EMAIL_DOMAIN;
                for (int k = 2; !emails.add(email); k++) {
                    email = local + k + "@" + EMAIL_DOMAIN;
                }
            }
            String trade = null;
            String competency = null;
            if (random.nextInt(20) != 0) {
                trade = trades.get(random.nextInt(trades.size())).code();
                int c = random.nextInt(10);
                competency = c < 5 ? "A" : c < 8 ? "B" : "C";
            }
            boolean active = random.nextInt(100) >= 8;
            long t = start + spread(i, n, 720) + random.nextInt(86_400) * 1000L;
            sink.accept(new Employee(number, first, last, email, trade, competency, active, t));
        }
    }

    /** Spreads record i of n over {@code days}, oldest first, so numbers roughly follow hiring order. */
    private long spread(int i, int n, int days) {
        return n == 0 ? 0 : (long) ((double) i / n * days) * DAY;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    static String asciiFold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replace("œ", "oe").replaceAll("[^a-z0-9-]", "");
    }
}
