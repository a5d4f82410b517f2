-- The counter's person page lists the applications made by a person and those that serve
-- them (a relative's 上门服务): the second an index of its own, not a scan of every application.
CREATE INDEX applications_by_beneficiary ON applications(beneficiary_ssn);
