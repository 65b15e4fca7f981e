package contact

// ValidPhone reports whether p passes the contact's phone rule, so a form
// can refuse a bad number beside its field before the contact is touched.
func ValidPhone(p string) bool { return validPhone(p) }
