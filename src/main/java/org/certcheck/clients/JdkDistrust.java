package org.certcheck.clients;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The JDK's CA distrust policies, each as its release note and its {@code sun.security.validator}
 * policy class state them: the roots by SHA-256 fingerprint, and the notBefore date after which a TLS
 * server certificate anchored there is refused. All four are in the default
 * {@code jdk.security.caDistrustPolicies} of the current JDK 17, 21 and 25 updates.
 */
final class JdkDistrust {
    /**
     * SYMANTEC_TLS (SymantecTLSPolicy; JDK 12, 11.0.3, 8u212, April 2019): GeoTrust, thawte and VeriSign
     * roots, leaves issued after 2019-04-16. Not modelled: the two Apple-managed subordinate CAs that
     * stayed trusted until 2019-12-31 (long expired now).
     */
    static final CaDistrust SYMANTEC = new CaDistrust("SYMANTEC_TLS", LocalDate.of(2019, 4, 16), Set.of(
            "FF856A2D251DCD88D36656F450126798CFABAADE40799C722DE4D2B5DB36A73A",   // GeoTrust Global CA
            "37D51006C512EAAB626421F1EC8C92013FC5F82AE98EE533EB4619B8DEB4D06C",   // GeoTrust Primary CA
            "5EDB7AC43B82A06A8761E8D7BE4979EBF2611F7DD79BF91C1C6B566A219ED766",   // GeoTrust Primary CA - G2
            "B478B812250DF878635C2AA7EC7D155EAA625EE82916E2CD294361886CD1FBD4",   // GeoTrust Primary CA - G3
            "A0459B9F63B22559F5FA5D4C6DB3F9F72FF19342033578F073BF1D1B46CBB912",   // GeoTrust Universal CA
            "8D722F81A9C113C0791DF136A2966DB26C950A971DB46B4199F4EA54B78BFB9F",   // thawte Primary Root CA
            "A4310D50AF18A6447190372A86AFAF8B951FFB431D837F1E5688B45971ED1557",   // thawte Primary Root CA - G2
            "4B03F45807AD70F21BFC2CAE71C9FDE4604C064CF5FFB686BAE5DBAAD7FDD34C",   // thawte Primary Root CA - G3
            "3F9F27D583204B9E09C8A3D2066C4B57D3A2479C3693650880505698105DBCE9",   // Thawte Premium Server CA
            "3A43E220FE7F3EA9653D1E21742EAC2B75C20FD8980305BC502CAF8C2D9B41A1",   // VeriSign Class 2 G2
            "A4B6B3996FC2F306B3FD8681BD63413D8C5009CC4FA329C2CCF0E2FA1B140305",   // VeriSign Class 3
            "83CE3C1229688A593D485F81973C0F9195431EDA37CC5E36430E79C7A888638B",   // VeriSign Class 3 G2
            "EB04CF5EB1F39AFA762F2BB120F296CBA520C1B97DB1589565B81CB9A17B7244",   // VeriSign Class 3 G3
            "69DDD7EA90BB57C93E135DC85EA6FCD5480B603239BDC454FC758B2A26CF7F79",   // VeriSign Class 3 G4
            "9ACFAB7E43C8D880D06B262A94DEEEE4B4659989C3D0CAF19BAF6405E41AB7DF",   // VeriSign Class 3 G5
            "2399561127A57125DE8CEFEA610DDF2FA078B5C8067F4E828290BFB860E84B3C"),  // VeriSign Universal Root
            "JDK 12, 11.0.3, 8u212");

    /**
     * ENTRUST_TLS (EntrustTLSPolicy; release note JDK-8339495: JDK 24, 23.0.1, 21.0.5, 17.0.13): Entrust
     * and AffirmTrust roots, leaves issued after 2024-11-11.
     */
    static final CaDistrust ENTRUST = new CaDistrust("ENTRUST_TLS", LocalDate.of(2024, 11, 11), Set.of(
            "0376AB1D54C5F9803CE4B2E201A0EE7EEF7B57B636E8A93C9B8D4860C96F5FA7",   // AffirmTrust Commercial
            "0A81EC5A929777F145904AF38D5D509F66B5E2C58FCDB531058B0E17F3F0B41B",   // AffirmTrust Networking
            "70A73F7F376B60074248904534B11482D5BF0E698ECC498DF52577EBF2E93B9A",   // AffirmTrust Premium
            "BD71FDF6DA97E4CF62D1647ADD2581B07D79ADF8397EB4ECBA9C5E8488821423",   // AffirmTrust Premium ECC
            "6DC47172E01CBCB0BF62580D895FE2B8AC9AD4F873801E0C10B9C837D21EB177",   // Entrust.net CA (2048)
            "73C176434F1BC6D5ADF45B0E76E727287C8DE57616C1E6E6141A2B2CBC7D8E4C",   // Entrust Root CA
            "02ED0EB28C14DA45165C566791700D6451D7FB56F0B2AB1D3B8EB070E56EDFF5",   // Entrust Root CA - EC1
            "43DF5774B03E7FEF5FE40D931A7BEDF1BB2E6B42738C4E6D3841103D3AA7F339",   // Entrust Root CA - G2
            "DB3517D1F6732A2D5AB97C533EC70779EE3270A62FB4AC4238372460E6F01E88"),  // Entrust Root CA - G4
            "JDK 24, 23.0.1, 21.0.5, 17.0.13");

    /**
     * CAMERFIRMA_TLS (CamerfirmaTLSPolicy; CSR JDK-8347738; the April 2025 updates: Red Hat's 17.0.15
     * release notes, and 17.0.15's java.security on this machine): Camerfirma roots, leaves issued
     * after 2025-04-15.
     */
    static final CaDistrust CAMERFIRMA = new CaDistrust("CAMERFIRMA_TLS", LocalDate.of(2025, 4, 15), Set.of(
            "0C258A12A5674AEF25F28BA7DCFAECEEA348E541E6F5CC4EE63B71B361606AC3",   // Chambers of Commerce Root
            "063E4AFAC491DFD332F3089B8542E94617D893D7FE944E10A7937EE29D9693C0",   // Chambers of Commerce Root - 2008
            "136335439334A7698016A0D324DE72284E079D7B5220BB8FBD747816EEBEBACA"),  // Global Chambersign Root - 2008
            "JDK 25 and the April 2025 updates (17.0.15)");

    /**
     * CHUNGHWA_TLS (ChunghwaTLSPolicy; release note JDK-8374829 for JDK 27; the April 2026 updates,
     * 21.0.11 by its release notes): the Chunghwa ePKI root, leaves issued after 2026-03-17.
     */
    static final CaDistrust CHUNGHWA = new CaDistrust("CHUNGHWA_TLS", LocalDate.of(2026, 3, 17), Set.of(
            "C0A6F4DC63A24BFDCF54EF2A6A082A0A72DE35803E2FF5FF527AE5D87206DFD5"),  // ePKI Root Certification Authority
            "JDK 27 and the April 2026 updates (21.0.11)");

    static final List<CaDistrust> ALL = List.of(SYMANTEC, ENTRUST, CAMERFIRMA, CHUNGHWA);

    private JdkDistrust() {
    }
}
