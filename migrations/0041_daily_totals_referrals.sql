-- The dashboard's time to accept referrals is a running total from now on (daily_totals, metric referral_accepted); referrals
-- accepted before now are counted once, after ready, in batches. An empty table has nothing to count.
INSERT INTO `background_jobs` (`name`, `cursor`, `done_at`) SELECT 'daily_totals_referrals', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) || '/', CASE WHEN EXISTS (SELECT 1 FROM `referrals` WHERE `status` = 'accepted') THEN NULL ELSE 0 END;
