/**
 * A professional register's answer about one registration number (e.g. the Medical Council of Hong
 * Kong's list of registered medical practitioners), as the configured lookup endpoint gives it.
 */
export interface RegisterEntry {
  registrationNo: string;
  found: boolean;
  nameEn?: string;
  nameZh?: string;
  /** `registered`, or another status the register reports (e.g. `removed`). */
  status?: string;
}

/** The register lookup (REGISTER_LOOKUP_URL); absent when none is configured and checks are manual. */
export interface RegisterLookup {
  lookup(registrationNo: string): Promise<RegisterEntry>;
}
