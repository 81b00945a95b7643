/**
 * What "New Video Script" and "New Live Script" write: minimal scripts that lint clean. The schemas'
 * `defaultSnippets` carry the same bodies (a unit test keeps them equal).
 */

export const videoScriptTemplate = `{
  "script_name": "My video",
  "model_asset_id": "",
  "voice_config": {
    "voice_asset_id": ""
  },
  "video_config": {
    "codec": "H264",
    "bitrate": 4000,
    "width": 1920,
    "height": 1080,
    "frame_rate": "25"
  },
  "shoot_scripts": [
    {
      "sequence_no": 0,
      "shoot_script": {
        "script_type": "TEXT",
        "text_config": {
          "text": "<speak>Hello, everyone.<break time=\\"500ms\\"/>Welcome!</speak>"
        }
      }
    }
  ]
}
`;

export const liveScriptTemplate = `{
  "room_name": "My live room",
  "view_mode": "VERTICAL",
  "video_config": {
    "codec": "H264",
    "bitrate": 4000,
    "width": 1080,
    "height": 1920
  },
  "scene_scripts": [
    {
      "script_name": "Scene 1",
      "model_asset_id": "",
      "voice_config": {
        "voice_asset_id": ""
      },
      "shoot_scripts": [
        {
          "sequence_no": 0,
          "title": "Welcome",
          "text_config": {
            "text": "Welcome to the live room!"
          }
        }
      ]
    }
  ]
}
`;

export const rulesTemplate = `{
  "group_name": "My interaction rules",
  "interaction_rules": [
    {
      "rule_name": "Price question",
      "enabled": true,
      "event_type": 1,
      "hit_condition": {
        "relation": "OR",
        "tags": [
          {
            "tag": "content",
            "match": "REGEX",
            "value": "price|多少钱"
          }
        ]
      },
      "trigger": {
        "reply_mode": "SYSTEM_REPLY",
        "reply_texts": [
          "The price is in the shopping cart below."
        ]
      }
    }
  ]
}
`;
