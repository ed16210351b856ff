"""A model plugin that pre-labels every new task with a fixed box (`make plugin-demo`)."""

BOX = {"schemaId": "box", "tool": "bounding-box",
       "bounding-box": {"x": 10, "y": 10, "width": 100, "height": 50}}  # fmt: skip


def prelabel(event):
    event.log.info("pre-labelling task %s", event.task_id)
    return {"objects": [BOX]}
