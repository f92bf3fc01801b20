package io.cfxtrace.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cfxtrace.ingest.store.StoreBatch;
import io.cfxtrace.model.cfx.structures.MaterialPackage;
import io.cfxtrace.model.cfx.structures.MaterialPackageDetail;
import io.cfxtrace.model.value.CfxTimestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.UUID;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * the {@code material_package} rows (V4): what each message says about a material package.
 *
 * <p>CFX describes a package fully in a MaterialPackageDetail (MaterialsInitialized,
 * MaterialsModified: manufacturer, manufacturer part number, lot/date code, vendor, dates, expiry)
 * and briefly in a MaterialPackage (every other material message: id, internal part number,
 * batch, quantity, splice leader). In the .NET SDK MaterialPackageDetail derives from
 * MaterialPackage, so a station may send the detail members inside a MaterialPackage (for example
 * in MaterialsLoaded); the codec keeps them as extensions and they are read from there too.
 *
 * <p>One row per package and distinct content (V8 {@code content_hash}): a line repeats the same
 * reel in every MaterialsInstalled, and one row per placement would make the table as large as
 * unit_material. The store keeps, for each content, the earliest (event_time, unique_id) that
 * stated it ({@code StoreBatch} merges with ON CONFLICT), so the rows do not depend on arrival
 * order or on which instance saw a message first; within a batch only the earliest row of a
 * content is written. The view {@code material_package_current} folds a package's rows together.
 *
 * <p>Single-threaded, like the normaliser that owns it.
 */
final class MaterialPackages {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** how deep a LeadingMaterialPackage chain is followed; a real splice chain is a few reels. */
  private static final int MAX_CHAIN = 16;

  private final ZoneOffset zoneless;

  /** the row of each (package, content hash) this batch writes: the earliest. */
  private final Map<String, Object[]> batch = new HashMap<>();

  MaterialPackages(ZoneOffset zoneless) {
    this.zoneless = zoneless;
  }

  /** the batch is complete (or abandoned): the next one starts afresh. */
  void complete() {
    batch.clear();
  }

  /**
   * a package as a MaterialPackageDetail tells it (MaterialsInitialized, MaterialsModified).
   *
   * @param out the batch.
   * @param e the envelope.
   * @param p the package; ignored without a UniqueIdentifier.
   */
  void write(StoreBatch out, StoredEnvelope e, MaterialPackageDetail p) {
    String id = blankToNull(p.uniqueIdentifier());
    if (id == null) {
      return;
    }
    ObjectNode details = JSON.objectNode();
    if (p.hazardousMaterialType() != null) {
      details.put("hazardousMaterialType", p.hazardousMaterialType().text());
    }
    if (p.greyZone() != null) {
      details.put("greyZone", p.greyZone());
    }
    if (p.partPrice() != null) {
      details.put("partPrice", p.partPrice()).put("partPriceUnit", p.partPriceUnit());
    }
    add(out, e, id, Arrays.asList(
        blankToNull(p.internalPartNumber()), blankToNull(p.internalPackageName()), blankToNull(p.batchId()), blankToNull(p.manufacturer()),
        blankToNull(p.manufacturerPartNumber()), blankToNull(p.manufacturerLotCode()), blankToNull(p.vendor()), blankToNull(p.vendorPartNumber()),
        blankToNull(p.units()), p.initialQuantity(), p.quantity(), p.status() == null ? null : p.status().text(), instant(p.created()),
        instant(p.manufactureDate()), instant(p.receivedDate()), instant(p.expiryDate()), null, null, details.isEmpty() ? null : details));
  }

  /**
   * a package as a MaterialPackage tells it, with any MaterialPackageDetail members the sender
   * added.
   *
   * @param out the batch.
   * @param e the envelope.
   * @param p the package; ignored without a UniqueIdentifier.
   * @param withQuantity whether its Quantity is kept (not for installation messages, where it
   *     counts down with every placement).
   */
  void write(StoreBatch out, StoredEnvelope e, MaterialPackage p, boolean withQuantity) {
    String id = blankToNull(p.uniqueIdentifier());
    if (id == null) {
      return;
    }
    Map<String, JsonNode> x = p.extensions();
    ObjectNode details = JSON.objectNode();
    if (p.greyZone() != null) {
      details.put("greyZone", p.greyZone());
    }
    add(out, e, id, Arrays.asList(
        blankToNull(p.internalPartNumber()), blankToNull(p.internalPackageName()), blankToNull(p.batchId()), member(x, "Manufacturer"),
        member(x, "ManufacturerPartNumber"), member(x, "ManufacturerLotCode"), member(x, "Vendor"), member(x, "VendorPartNumber"),
        member(x, "Units"), number(member(x, "InitialQuantity")), withQuantity ? p.quantity() : null, member(x, "Status"),
        time(member(x, "Created")), time(member(x, "ManufactureDate")), time(member(x, "ReceivedDate")), time(member(x, "ExpiryDate")),
        p.leadingMaterialPackage() == null ? null : blankToNull(p.leadingMaterialPackage().uniqueIdentifier()),
        p.batchMaterialPackage() == null ? null : blankToNull(p.batchMaterialPackage().uniqueIdentifier()),
        details.isEmpty() ? null : details));
  }

  /** attributes in column order, from internal_part_number to batch_package_id, then details. */
  private void add(StoreBatch out, StoredEnvelope e, String id, List<Object> attributes) {
    String hash = UUID.nameUUIDFromBytes(attributes.toString().getBytes(StandardCharsets.UTF_8)).toString();
    String key = id + '\u0000' + hash;
    Object[] earlier = batch.get(key);
    if (earlier != null && ((Instant) earlier[0]).compareTo(e.eventTime()) <= 0
        && (((Instant) earlier[0]).isBefore(e.eventTime()) || ((UUID) earlier[22]).compareTo(e.uniqueId()) <= 0)) {
      return; // the batch already states this content earlier
    }
    Object[] row = earlier != null ? earlier : new Object[25];
    row[0] = e.eventTime();
    row[1] = id;
    row[2] = e.envelope().messageName();
    row[3] = e.station();
    for (int i = 0; i < 18; i++) {
      row[4 + i] = attributes.get(i);
    }
    row[22] = e.uniqueId();
    row[23] = attributes.get(18);
    row[24] = hash;
    if (earlier == null) {
      batch.put(key, row);
      out.materialPackages.add(row);
    }
  }

  /**
   * the chain of packages a placed package was spliced onto (MaterialPackage.LeadingMaterialPackage,
   * nested), nearest first, as {@code [{"id", "partNumber", "lot"}]}; null without a leader.
   *
   * @param p the placed package, or null.
   * @return the chain, or null.
   */
  static @Nullable JsonNode spliceChain(@Nullable MaterialPackage p) {
    if (p == null || p.leadingMaterialPackage() == null) {
      return null;
    }
    ArrayNode chain = JSON.arrayNode();
    Set<String> seen = new HashSet<>();
    MaterialPackage lead = p.leadingMaterialPackage();
    while (lead != null && chain.size() < MAX_CHAIN) {
      String id = blankToNull(lead.uniqueIdentifier());
      if (id != null && !seen.add(id)) {
        break; // a sender that loops the chain back
      }
      chain.addObject().put("id", id).put("partNumber", lead.internalPartNumber()).put("lot", lead.batchId());
      lead = lead.leadingMaterialPackage();
    }
    return chain;
  }

  private @Nullable Instant instant(@Nullable CfxTimestamp t) {
    return t == null || t.isUnset() ? null : t.toInstant(zoneless);
  }

  /** a detail member sent as an extension of a MaterialPackage, matched ignoring case as the codec matches members. */
  private static @Nullable String member(Map<String, JsonNode> extensions, String name) {
    if (extensions.isEmpty()) {
      return null;
    }
    for (Map.Entry<String, JsonNode> m : extensions.entrySet()) {
      if (m.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        JsonNode v = m.getValue();
        return v == null || v.isNull() || v.isContainerNode() ? null : blankToNull(v.asText());
      }
    }
    return null;
  }

  /** an extension date; a zone-less one at the configured offset; unreadable text is left out (the raw log has it). */
  private @Nullable Instant time(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutZone) {
      try {
        return java.time.LocalDateTime.parse(text).toInstant(zoneless);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  private static @Nullable Double number(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(text.trim());
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
