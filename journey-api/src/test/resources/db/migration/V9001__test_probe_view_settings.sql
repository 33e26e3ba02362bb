-- Test only: the settings ProbeProjection's rows were built with (a view rebuilt at start-up when they change).
create table probe_view_settings (
    setting text not null
);
