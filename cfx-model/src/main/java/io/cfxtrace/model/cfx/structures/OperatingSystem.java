package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.OperatingSystem}: the operating system values. Since CFX
 * 1.2.
 *
 * <p>Written as the integer value: the SDK gives it no string enum converter.
 */
public enum OperatingSystem implements CfxEnum {
  /** {@code Other} = 0. */
  OTHER("Other", 0),
  /** {@code OtherEmbedded} = 1. */
  OTHER_EMBEDDED("OtherEmbedded", 1),
  /** {@code WindowsXP} = 2. */
  WINDOWS_XP("WindowsXP", 2),
  /** {@code Windows7} = 3. */
  WINDOWS7("Windows7", 3),
  /** {@code WindowsVista} = 4. */
  WINDOWS_VISTA("WindowsVista", 4),
  /** {@code Windows8} = 5. */
  WINDOWS8("Windows8", 5),
  /** {@code Windows10} = 6. */
  WINDOWS10("Windows10", 6),
  /** {@code WindowsServer2008} = 7. */
  WINDOWS_SERVER2008("WindowsServer2008", 7),
  /** {@code WindowsServer2008R2} = 8. */
  WINDOWS_SERVER2008R2("WindowsServer2008R2", 8),
  /** {@code WindowsServer2012} = 9. */
  WINDOWS_SERVER2012("WindowsServer2012", 9),
  /** {@code WindowsServer2016} = 10. */
  WINDOWS_SERVER2016("WindowsServer2016", 10),
  /** {@code WindowsCE} = 11. */
  WINDOWS_CE("WindowsCE", 11),
  /** {@code WindowsEmbedded} = 12. */
  WINDOWS_EMBEDDED("WindowsEmbedded", 12),
  /** {@code WindowsCompact} = 13. */
  WINDOWS_COMPACT("WindowsCompact", 13),
  /** {@code WindowsIoTCore} = 14. */
  WINDOWS_IOT_CORE("WindowsIoTCore", 14),
  /** {@code UbuntuLinux} = 15. */
  UBUNTU_LINUX("UbuntuLinux", 15),
  /** {@code FedoraLinux} = 16. */
  FEDORA_LINUX("FedoraLinux", 16),
  /** {@code LinuxMint} = 17. */
  LINUX_MINT("LinuxMint", 17),
  /** {@code openSUSELinux} = 18. */
  OPEN_SUSE_LINUX("openSUSELinux", 18),
  /** {@code PCLinuxOS} = 19. */
  PC_LINUX_OS("PCLinuxOS", 19),
  /** {@code DebianLinux} = 20. */
  DEBIAN_LINUX("DebianLinux", 20),
  /** {@code OtherLinux} = 21. */
  OTHER_LINUX("OtherLinux", 21),
  /** {@code AppleMacOS} = 22. */
  APPLE_MAC_OS("AppleMacOS", 22),
  /** {@code AppleIOS} = 23. */
  APPLE_IOS("AppleIOS", 23),
  /** {@code Raspbian} = 24. */
  RASPBIAN("Raspbian", 24),
  /** {@code Windows11} = 25. Since CFX 1.6. */
  WINDOWS11("Windows11", 25);

  private final String wireName;
  private final int code;

  OperatingSystem(String wireName, int code) {
    this.wireName = wireName;
    this.code = code;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  @Override
  public int code() {
    return code;
  }

  @Override
  public WireForm wireForm() {
    return WireForm.NUMBER;
  }
}
