package query

import "time"

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD (years 0001 to 9999) and
// returns the period it names as [from, to) in UTC: 2017-03 is
// [2017-03-01, 2017-04-01). Normalising here means the compiler never has
// to know how precise the user was, and `<=2017` can include all of 2017.
func parseDate(s string) (from, to time.Time, ok bool) {
	num := func(s string) (int, bool) {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, true
	}
	year, month, day := 0, 1, 1
	var y, m, d bool
	switch len(s) {
	case 4:
		year, y = num(s)
		m, d = true, true
	case 7:
		year, y = num(s[:4])
		month, m = num(s[5:])
		d = s[4] == '-'
	case 10:
		year, y = num(s[:4])
		month, m = num(s[5:7])
		day, d = num(s[8:])
		d = d && s[4] == '-' && s[7] == '-'
	}
	if !y || !m || !d || year < 1 || month < 1 || month > 12 || day < 1 {
		return time.Time{}, time.Time{}, false
	}
	from = time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if from.Day() != day { // time.Date normalised 2017-02-30 to March
		return time.Time{}, time.Time{}, false
	}
	switch len(s) {
	case 4:
		to = from.AddDate(1, 0, 0)
	case 7:
		to = from.AddDate(0, 1, 0)
	default:
		to = from.AddDate(0, 0, 1)
	}
	return from, to, true
}

// badDate explains a date bound that is not YYYY, YYYY-MM or YYYY-MM-DD.
func (p *parser) badDate(t token) error {
	if t.kind != kWord {
		return p.expectedDate(t)
	}
	return p.errorf(t, "invalid date %q, expected YYYY, YYYY-MM or YYYY-MM-DD", t.text)
}

func (p *parser) expectedDate(t token) error {
	if t.kind == kEOF {
		return p.errorf(t, "expected a date, as in 2017 or 2017-03-31")
	}
	return p.errorf(t, "expected a date instead of %q, as in 2017 or 2017-03-31", t.text)
}

// date reads one bound of a range or comparison as the period it names;
// `*` gives zero times, which DateRange reads as an open end.
func (p *parser) date(t token) (from, to time.Time, err error) {
	if t.kind != kWord {
		return time.Time{}, time.Time{}, p.expectedDate(t)
	}
	if t.wild && t.pattern == "*" {
		return time.Time{}, time.Time{}, nil
	}
	from, to, ok := parseDate(t.text)
	if !ok {
		return time.Time{}, time.Time{}, p.badDate(t)
	}
	return from, to, nil
}

// dateRange reads [a TO b] (inclusive), {a TO b} (exclusive) or a mix, with
// * for an open end, into a half-open [From, To).
func (p *parser) dateRange(field string, open token) (Node, error) {
	if !isDateField(field) {
		return nil, p.errorf(open, "ranges only work on dates, as in %s:[2016 TO 2017]", FieldPublished)
	}
	if err := p.count(open); err != nil {
		return nil, err
	}
	loTok := p.next()
	loFrom, loTo, err := p.date(loTok)
	if err != nil {
		return nil, err
	}
	if to := p.next(); to.kind != kWord || to.escaped || to.text != "TO" {
		return nil, p.errorf(to, `expected "TO" between the dates of a range, as in [2016 TO 2017]`)
	}
	hiFrom, hiTo, err := p.date(p.next())
	if err != nil {
		return nil, err
	}
	end := p.next()
	if end.kind != kRangeClose {
		if end.kind == kErr {
			return nil, end.err
		}
		return nil, p.errorf(open, `missing "]" or "}" to close the range`)
	}
	d := &DateRange{Field: field, From: loFrom, To: hiFrom}
	if !open.incl {
		d.From = loTo
	}
	if end.incl {
		d.To = hiTo
	}
	return d, p.checkRange(d, open)
}

// compare reads published:>=2017 and friends.
func (p *parser) compare(field string, cmp token) (Node, error) {
	if !isDateField(field) {
		return nil, p.errorf(cmp, "%q only works on dates, as in %s:%[1]s2017", cmp.text, FieldPublished)
	}
	if err := p.count(cmp); err != nil {
		return nil, err
	}
	t := p.next()
	if t.kind == kWord && t.wild && t.pattern == "*" {
		return nil, p.expectedDate(t)
	}
	from, to, err := p.date(t)
	if err != nil {
		return nil, err
	}
	d := &DateRange{Field: field}
	switch cmp.text {
	case ">=":
		d.From = from
	case ">":
		d.From = to
	case "<=":
		d.To = to
	case "<":
		d.To = from
	}
	return d, p.checkRange(d, cmp)
}

func (p *parser) checkRange(d *DateRange, at token) error {
	if !d.From.IsZero() && !d.To.IsZero() && !d.From.Before(d.To) {
		return p.errorf(at, "the date range is empty: it ends before it starts")
	}
	return nil
}
