package io.cfxtrace.simulators.convergence;

import io.cfxtrace.ingest.testing.TestDatabase;
import io.cfxtrace.query.material.WhereUsed;
import io.cfxtrace.query.material.WhereUsedController;
import io.cfxtrace.query.unit.BirthCertificate;
import io.cfxtrace.query.unit.BirthCertificateQuery;
import io.cfxtrace.simulators.demo.ServiceSettings;
import io.cfxtrace.simulators.line.TruthLink;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * asks a store, through the query service's own queries (a query-service context over the store,
 * as deployed: read-only pool, no migrations), what went into every board and where every package
 * went, and compares the answers with the simulator's ground truth, never with another store.
 *
 * <ul>
 *   <li>every board of the truth, scrapped ones included, has a birth certificate under its serial
 *       whose exact material links are exactly the truth's (station, designator, part, package,
 *       lot), each once, whose inferred links include the truth's paste cartridge, and whose one
 *       parent is its panel, or the carrier the panel rode, at its position;
 *   <li>apart, since it does not depend on how the envelopes arrived (the in-order store shows it):
 *       a board's siblings are the other boards of its panel, not those of the carrier's other
 *       trips;
 *   <li>a panel or carrier id is no unit: its certificate, if any, has no exact material;
 *   <li>where-used of every package of the truth names exactly the truth's boards: for a reel the
 *       exact links (board, designator, station), for a paste cartridge the inferred ones (board,
 *       station); of a package in the store that the truth never used, no board exactly; and no
 *       where-used answer names a unit that is not a board of the truth (a bare panel or carrier
 *       key, a provisional {@code <panel>#<n>}).
 *   <li>the store kept no dead letter: every envelope of the corpus is valid CFX.
 * </ul>
 */
final class TruthCheck {

  /** how many wrong boards or packages a report details. */
  private static final int DETAILED = 6;

  /** how many differing links a report shows per board or package. */
  private static final int LINKS_SHOWN = 3;

  /**
   * what a store got wrong.
   *
   * @param boards boards whose certificate disagrees with the truth, with what is wrong.
   * @param siblings boards whose certificate names other siblings than the boards of its panel.
   * @param packages packages whose where-used disagrees with the truth.
   * @param phantoms unit ids the store answers with that are no board (a panel, a carrier, a key).
   * @param other anything else (dead letters, a panel with materials).
   * @param boardCount boards in the truth.
   * @param packageCount packages asked about.
   */
  record Result(Map<String, String> boards, Map<String, String> siblings, Map<String, String> packages, Set<String> phantoms, List<String> other,
      int boardCount, int packageCount) {

    /** whether materials, parents, where-used and units agree with the truth (siblings apart). */
    boolean agrees() {
      return boards.isEmpty() && packages.isEmpty() && phantoms.isEmpty() && other.isEmpty();
    }

    /** the report of the siblings. */
    String describeSiblings(Corpus corpus) {
      StringBuilder b = new StringBuilder().append(siblings.size()).append(" of ").append(boardCount)
          .append(" boards' certificates name other siblings than the boards of their panel");
      siblings.entrySet().stream().limit(DETAILED).forEach(e -> b.append("\n    board ").append(corpus.describe(e.getKey())).append(": ")
          .append(e.getValue()));
      if (siblings.size() > DETAILED) {
        b.append("\n    ... and ").append(siblings.size() - DETAILED).append(" more boards");
      }
      return b.toString();
    }

    /** the report: counts first, then a few of each. */
    String describe(Corpus corpus) {
      StringBuilder b = new StringBuilder();
      long scrapped = boards.keySet().stream().filter(corpus.scrapped::contains).count();
      b.append(boards.size()).append(" of ").append(boardCount).append(" boards' certificates disagree with the truth");
      if (!boards.isEmpty()) {
        b.append(" (").append(scrapped).append(" of them scrapped)");
      }
      b.append("; ").append(packages.size()).append(" of ").append(packageCount).append(" packages' where-used disagree");
      b.append("; ").append(phantoms.size()).append(" unit ids in answers that are no board");
      boards.entrySet().stream().limit(DETAILED).forEach(e -> b.append("\n    board ").append(corpus.describe(e.getKey())).append(": ").append(e.getValue()));
      if (boards.size() > DETAILED) {
        b.append("\n    ... and ").append(boards.size() - DETAILED).append(" more boards");
      }
      packages.entrySet().stream().limit(DETAILED).forEach(e -> b.append("\n    package ").append(e.getKey()).append(": ").append(e.getValue()));
      if (packages.size() > DETAILED) {
        b.append("\n    ... and ").append(packages.size() - DETAILED).append(" more packages");
      }
      if (!phantoms.isEmpty()) {
        b.append("\n    unit ids that are no board: ").append(phantoms.stream().limit(20).toList()).append(phantoms.size() > 20 ? " ..." : "");
      }
      other.forEach(o -> b.append("\n    ").append(o));
      return b.toString();
    }
  }

  private TruthCheck() {}

  /**
   * compares what a store answers with the truth.
   *
   * @param db the store.
   * @param corpus the corpus stored, with its truth.
   * @return what disagrees.
   * @throws SQLException when the store cannot be read.
   */
  static Result check(TestDatabase db, Corpus corpus) throws SQLException {
    Map<String, String> boards = new LinkedHashMap<>();
    Map<String, String> siblings = new LinkedHashMap<>();
    Map<String, String> packages = new LinkedHashMap<>();
    Set<String> phantoms = new TreeSet<>();
    List<String> other = new ArrayList<>();
    Set<String> serials = corpus.serials();
    Map<String, List<TruthLink>> bySerial = corpus.truth.stream().collect(Collectors.groupingBy(TruthLink::serial, LinkedHashMap::new, Collectors.toList()));
    Map<String, List<TruthLink>> byPackage =
        corpus.truth.stream().collect(Collectors.groupingBy(TruthLink::materialPackage, LinkedHashMap::new, Collectors.toList()));
    Set<String> storedPackages = new TreeSet<>();
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select count(*), min(reason) from dead_letter")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          other.add("the store holds " + rs.getLong(1) + " dead letters, e.g. " + rs.getString(2));
        }
      }
      try (ResultSet rs = s.executeQuery("select distinct material_package_id from material_setup union select distinct material_package_id"
          + " from unit_material where material_package_id is not null")) {
        while (rs.next()) {
          storedPackages.add(rs.getString(1));
        }
      }
    }
    Map<String, Object> settings = ServiceSettings.query(new ServiceSettings.Store(db.url(), db.user(), db.password()), -1);
    try (ApplicationContext query = ApplicationContext.run(settings)) {
      BirthCertificateQuery certificates = query.getBean(BirthCertificateQuery.class);
      WhereUsedController whereUsed = query.getBean(WhereUsedController.class);

      Map<String, Set<String>> boardsOfPanel = corpus.truth.stream()
          .collect(Collectors.groupingBy(TruthLink::panel, Collectors.mapping(TruthLink::serial, Collectors.toCollection(TreeSet::new))));
      for (Map.Entry<String, List<TruthLink>> board : bySerial.entrySet()) {
        Optional<BirthCertificate> certificate = certificates.find(board.getKey());
        String problem = board(certificate, board.getKey(), board.getValue());
        if (problem != null) {
          boards.put(board.getKey(), problem);
        }
        TruthLink any = board.getValue().get(0);
        String sibling = certificate.map(cert -> difference(cert.genealogy().siblings().stream().map(BirthCertificate.Relative::id).sorted().toList(),
            boardsOfPanel.get(any.panel()).stream().filter(b -> !b.equals(any.serial())).toList())).orElse(null);
        if (sibling != null) {
          siblings.put(board.getKey(), sibling);
        }
      }
      for (String group : corpus.groupIds()) {
        Optional<BirthCertificate> certificate = certificates.find(group);
        List<String> exact = certificate.map(cert -> exactLinks(cert.materials())).orElse(List.of());
        if (!exact.isEmpty()) {
          other.add("panel/carrier " + group + " has a certificate with " + exact.size() + " exact material links, e.g. "
              + exact.stream().limit(LINKS_SHOWN).toList());
        }
      }
      Set<String> asked = new TreeSet<>(byPackage.keySet());
      asked.addAll(storedPackages);
      for (String pack : asked) {
        List<WhereUsed.Link> links = whereUsed(whereUsed, pack);
        for (WhereUsed.Link l : links) {
          if (!serials.contains(l.unit())) {
            phantoms.add(l.unit());
          }
        }
        String problem = pack(links, byPackage.getOrDefault(pack, List.of()));
        if (problem != null) {
          packages.put(pack, problem);
        }
      }
      return new Result(boards, siblings, packages, phantoms, other, bySerial.size(), asked.size());
    }
  }

  private static List<WhereUsed.Link> whereUsed(WhereUsedController controller, String pack) {
    Object body = controller.materialUnits(pack, null, null, "json", null).body();
    return ((WhereUsed) Objects.requireNonNull(body, "where-used of " + pack + " answered no body")).units();
  }

  /** what is wrong with a board's certificate, or null. */
  private static String board(Optional<BirthCertificate> found, String serial, List<TruthLink> truth) {
    if (found.isEmpty()) {
      return "no birth certificate";
    }
    BirthCertificate cert = found.get();
    List<String> problems = new ArrayList<>();
    if (!cert.unit().equals(serial)) {
      problems.add("the certificate is of unit " + cert.unit());
    }
    List<String> expectedExact = truth.stream().filter(TruthLink::exact)
        .map(t -> key(t.station(), t.referenceDesignator(), t.partNumber(), t.materialPackage(), t.lot())).sorted().toList();
    String exact = difference(exactLinks(cert.materials()), expectedExact);
    if (exact != null) {
      problems.add("exact materials " + exact);
    }
    Set<String> inferred = cert.materials().stream().filter(m -> m.link().equals("inferred"))
        .map(m -> key(m.station(), m.referenceDesignator(), m.partNumber(), m.materialPackage(), m.lot())).collect(Collectors.toSet());
    List<String> paste = truth.stream().filter(t -> !t.exact())
        .map(t -> key(t.station(), t.referenceDesignator(), t.partNumber(), t.materialPackage(), t.lot())).filter(k -> !inferred.contains(k)).toList();
    if (!paste.isEmpty()) {
      problems.add("inferred materials lack " + paste);
    }
    // genealogy: the panel (or the carrier it rode) at the board's position is its one parent
    TruthLink any = truth.get(0);
    List<String> parents = cert.genealogy().parents().stream().map(p -> key(p.id(), p.kind(), p.position())).sorted().toList();
    String parent = difference(parents, List.of(key(Corpus.groupId(any), "panel", any.position())));
    if (parent != null) {
      problems.add("genealogy parents (id | kind | position) " + parent);
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  private static List<String> exactLinks(List<BirthCertificate.MaterialLink> materials) {
    return materials.stream().filter(m -> m.link().equals("exact"))
        .map(m -> key(m.station(), m.referenceDesignator(), m.partNumber(), m.materialPackage(), m.lot())).sorted().toList();
  }

  /** what is wrong with a package's where-used, or null. */
  private static String pack(List<WhereUsed.Link> links, List<TruthLink> truth) {
    boolean inferredPackage = !truth.isEmpty() && truth.stream().noneMatch(TruthLink::exact);
    if (inferredPackage) {
      // solder paste: every board printed while the cartridge was loaded, once per board
      Set<String> answered = links.stream().filter(l -> l.link().equals("inferred")).map(l -> key(l.unit(), l.station()))
          .collect(Collectors.toCollection(TreeSet::new));
      Set<String> expected = truth.stream().map(t -> key(t.serial(), t.station())).collect(Collectors.toCollection(TreeSet::new));
      return difference(List.copyOf(answered), List.copyOf(expected));
    }
    List<String> answered = links.stream().filter(l -> l.link().equals("exact")).map(l -> key(l.unit(), l.referenceDesignator(), l.station()))
        .sorted().toList();
    List<String> expected = truth.stream().map(t -> key(t.serial(), t.referenceDesignator(), t.station())).sorted().toList();
    String d = difference(answered, expected);
    return d == null ? null : "exact links (board | designator | station) " + d;
  }

  private static String key(Object... parts) {
    return java.util.Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining(" | "));
  }

  /** the multiset difference of two sorted lists, or null when they are equal. */
  private static String difference(List<String> actual, List<String> expected) {
    if (actual.equals(expected)) {
      return null;
    }
    List<String> missing = minus(expected, actual);
    List<String> extra = minus(actual, expected);
    return "missing " + missing.size() + " " + shown(missing) + ", not in the truth " + extra.size() + " " + shown(extra);
  }

  private static List<String> minus(List<String> a, List<String> b) {
    List<String> rest = new ArrayList<>(a);
    for (String x : b) {
      rest.remove(x);
    }
    return rest;
  }

  private static String shown(Collection<String> links) {
    return links.stream().limit(LINKS_SHOWN).toList() + (links.size() > LINKS_SHOWN ? "…" : "");
  }
}
