from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "fazhi.supervision"
    verbose_name = "督办督察"

    def ready(self) -> None:
        from fazhi.evidence.access import register_owner

        # Connects the signal that drops the cached calendar when an override changes.
        from fazhi.supervision import (
            access,
            workcalendar,  # noqa: F401
        )

        # Evidence of a 督办单 reply or a 整改 item is visible to whoever sees its owner.
        register_owner("supervision.NoticeReply", access.visible_notice_replies)
        register_owner("supervision.RectificationItem", access.visible_rectifications)

        # Without a broker, a web server process runs the daily reminder job itself.
        from fazhi.supervision.scheduler import maybe_start

        maybe_start()
