package report

// SLAMissed is how many of the day's (or the period's) settled SLA
// targets were missed: met late or breached.
func (d Day) SLAMissed() int { return d.slaDue - d.slaMet }
