package io.cfxtrace.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * the parts of a Dockerfile the checks need: global {@code ARG} defaults and the build stages with
 * their instructions and line numbers. Continuation lines ({@code \} at the end) are joined and
 * comments dropped, as the Dockerfile reference describes; nothing else is interpreted.
 *
 * @param name how messages name the file.
 * @param args the global {@code ARG}s (before the first {@code FROM}) and their defaults.
 * @param stages the stages in order.
 */
record DockerfileModel(String name, Map<String, String> args, List<Stage> stages) {

  private static final Pattern FROM = Pattern.compile("(?i)(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

  /**
   * one instruction.
   *
   * @param line the 1-based line it starts on.
   * @param keyword upper case, for example {@code USER}.
   * @param arguments the rest, continuation lines joined.
   */
  record Instruction(int line, String keyword, String arguments) {}

  /**
   * one build stage.
   *
   * @param line the line of its {@code FROM}.
   * @param base the image or stage it starts from, ARGs substituted.
   * @param alias its {@code AS} name, or "" when it has none.
   * @param instructions its instructions after {@code FROM}.
   */
  record Stage(int line, String base, String alias, List<Instruction> instructions) {

    /** the last {@code USER} of this stage itself. */
    Optional<Instruction> lastUser() {
      Instruction last = null;
      for (Instruction i : instructions) {
        if (i.keyword().equals("USER")) {
          last = i;
        }
      }
      return Optional.ofNullable(last);
    }
  }

  /**
   * reads a Dockerfile.
   *
   * @param file the file.
   * @param name how messages name it.
   * @return the model.
   */
  static DockerfileModel load(Path file, String name) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * parses Dockerfile text.
   *
   * @param text the text.
   * @param name how messages name it.
   * @return the model.
   */
  static DockerfileModel parse(String text, String name) {
    Map<String, String> args = new LinkedHashMap<>();
    List<Stage> stages = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    List<Instruction> current = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int start = i + 1;
      StringBuilder joined = new StringBuilder();
      while (line.endsWith("\\") && i + 1 < lines.length) {
        joined.append(line, 0, line.length() - 1).append(' ');
        i++;
        line = lines[i].strip();
        while (line.startsWith("#") && i + 1 < lines.length) {
          i++;
          line = lines[i].strip();
        }
      }
      joined.append(line);
      String[] kv = joined.toString().strip().split("\\s+", 2);
      String keyword = kv[0].toUpperCase(Locale.ROOT);
      String rest = kv.length > 1 ? kv[1].strip() : "";
      if (keyword.equals("FROM")) {
        Matcher m = FROM.matcher(rest);
        if (!m.matches()) {
          throw new IllegalArgumentException(name + ":" + start + ": cannot read FROM " + rest);
        }
        current = new ArrayList<>();
        stages.add(new Stage(start, substitute(m.group(1), args), m.group(2) == null ? "" : m.group(2), current));
      } else if (current == null) {
        if (keyword.equals("ARG")) {
          String[] arg = rest.split("=", 2);
          args.put(arg[0].strip(), arg.length > 1 ? unquote(arg[1].strip()) : "");
        }
      } else {
        current.add(new Instruction(start, keyword, rest));
      }
    }
    return new DockerfileModel(name, Map.copyOf(args), List.copyOf(stages));
  }

  private static String substitute(String s, Map<String, String> args) {
    Matcher m = VARIABLE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(args.getOrDefault(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String unquote(String s) {
    return s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'")) ? s.substring(1, s.length() - 1) : s;
  }

  /**
   * the stage with this {@code AS} name.
   *
   * @param alias the name.
   * @return the stage, if there is one.
   */
  Optional<Stage> stage(String alias) {
    return stages.stream().filter(s -> s.alias().equalsIgnoreCase(alias)).findFirst();
  }

  /**
   * the user a stage's image runs as: its own last {@code USER}, else that of the stage it is
   * built on, else the base image's (unknown here, reported as empty).
   *
   * @param stage the stage.
   * @return the {@code USER} instruction in force, if any stage of the chain sets one.
   */
  Optional<Instruction> effectiveUser(Stage stage) {
    Stage s = stage;
    for (int depth = 0; s != null && depth < stages.size(); depth++) {
      Optional<Instruction> user = s.lastUser();
      if (user.isPresent()) {
        return user;
      }
      s = stage(s.base()).orElse(null);
    }
    return Optional.empty();
  }

  /**
   * the instructions with a keyword in a stage and the stages it is built on, nearest first.
   *
   * @param stage the stage.
   * @param keyword for example {@code EXPOSE}.
   * @return the instructions.
   */
  List<Instruction> inherited(Stage stage, String keyword) {
    List<Instruction> out = new ArrayList<>();
    Stage s = stage;
    for (int depth = 0; s != null && depth < stages.size(); depth++) {
      for (Instruction i : s.instructions()) {
        if (i.keyword().equals(keyword)) {
          out.add(i);
        }
      }
      s = stage(s.base()).orElse(null);
    }
    return out;
  }
}
