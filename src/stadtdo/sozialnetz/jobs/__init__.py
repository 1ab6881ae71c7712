"""The daily jobs (``lauf``): deadlines, retention, offboarding, digest –
started by ``@@sozialnetz-jobs`` / ``@sozialnetz-jobs`` from cron."""
